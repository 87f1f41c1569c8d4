using Microsoft.Extensions.DependencyInjection.Extensions;
namespace Derrimut.BuildingBlocks.Events;

/// <summary>
/// A fact one module tells the modules above it ("a payment succeeded", "a session was completed"). Dependencies point
/// down and events flow up: the lower module declares the event in its <c>Contracts/</c>, higher modules handle it.
/// </summary>
public interface IIntegrationEvent;

/// <summary>
/// Handles one integration event type. Registered with <see cref="IntegrationEventRegistration.AddIntegrationEventHandler{TEvent, THandler}"/>;
/// called in the publisher's scope and transaction, so the handler's writes commit or roll back together with the
/// publisher's. Handlers must be idempotent: a retried delivery (a webhook redelivered, a job re-run) publishes again.
/// </summary>
/// <typeparam name="TEvent">The event handled.</typeparam>
public interface IIntegrationEventHandler<in TEvent>
    where TEvent : IIntegrationEvent
{
    /// <summary>Applies the event.</summary>
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}

/// <summary>Publishes integration events to their handlers, in the caller's scope and transaction.</summary>
public interface IIntegrationEventPublisher
{
    /// <summary>
    /// Hands the event to every handler registered for its type, one after another in registration order, and returns
    /// how many handled it. A handler that throws stops the rest, and the exception reaches the publisher, whose
    /// transaction then rolls back every handler's writes.
    /// </summary>
    Task<int> PublishAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : IIntegrationEvent;
}

internal sealed class IntegrationEventPublisher(IServiceProvider services) : IIntegrationEventPublisher
{
    public async Task<int> PublishAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : IIntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var count = 0;
        foreach (var handler in services.GetServices<IIntegrationEventHandler<TEvent>>())
        {
            await handler.HandleAsync(integrationEvent, cancellationToken);
            count++;
        }

        return count;
    }
}

/// <summary>Registers integration event handlers.</summary>
public static class IntegrationEventRegistration
{
    /// <summary>Registers the in-scope <see cref="IIntegrationEventPublisher"/> (the kernel does; tests of one module may too).</summary>
    public static IServiceCollection AddIntegrationEventPublisher(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddScoped<IIntegrationEventPublisher, IntegrationEventPublisher>();
        return services;
    }

    /// <summary>
    /// Registers <typeparamref name="THandler"/> (scoped, once) as a handler of <typeparamref name="TEvent"/>; call it
    /// once per event type a handler class handles, and they share one instance per scope.
    /// </summary>
    public static IServiceCollection AddIntegrationEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IIntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddScoped<THandler>();
        services.AddScoped<IIntegrationEventHandler<TEvent>>(sp => sp.GetRequiredService<THandler>());
        return services;
    }
}
