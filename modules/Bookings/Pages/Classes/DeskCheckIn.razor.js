// Front-desk camera scanning with the browser's own BarcodeDetector (Chromium on Android, ChromeOS and macOS):
// no library, nothing from a CDN. Where the browser has none, the desk uses a USB scanner (it types into the code
// field) or the name search; start() says so.
let stream = null;
let timer = null;

export async function start(videoId, desk) {
    if (!('BarcodeDetector' in window)) {
        return 'This browser cannot read QR codes from the camera: use the desk scanner or search by name.';
    }
    const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    const video = document.getElementById(videoId);
    try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    } catch {
        return 'The camera is not available (permission refused or no camera).';
    }
    video.srcObject = stream;
    await video.play();
    let busy = false;
    timer = setInterval(async () => {
        if (busy) { return; }
        busy = true;
        try {
            const codes = await detector.detect(video);
            if (codes.length > 0) {
                stop();
                await desk.invokeMethodAsync('ScannedAsync', codes[0].rawValue);
            }
        } finally {
            busy = false;
        }
    }, 250);
    return null;
}

export function stop() {
    if (timer) { clearInterval(timer); timer = null; }
    if (stream) { stream.getTracks().forEach(t => t.stop()); stream = null; }
}
