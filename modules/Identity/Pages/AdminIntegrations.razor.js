// Copies an integration client's secret: the page shows it once, so one click must put it on the clipboard.
export async function copyText(text) {
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        // No clipboard permission (or not a secure context): the secret stays visible to copy by hand.
        return false;
    }
}
