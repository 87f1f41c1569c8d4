using Derrimut.Billing.Contracts;
using Derrimut.Billing.Data;

namespace Derrimut.Billing.ReportingReads;

internal sealed class WebhookInboxReadModel(DerrimutDbContext db) : IWebhookInboxReadModel
{
    public IQueryable<WebhookEventRow> Events => db.Set<WebhookInboxEvent>().AsNoTracking().Select(e => new WebhookEventRow
    {
        Id = e.Id, Type = e.Type, ReceivedAt = e.ReceivedAt, IsParked = e.State == WebhookEventState.Parked, IsFailed = e.State == WebhookEventState.Failed,
        IsWaiting = e.State == WebhookEventState.Received,
    });
}
