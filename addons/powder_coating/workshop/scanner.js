// This file is part of Atelier. See the COPYRIGHT file at the top level of
// this repository for the full copyright notices and license terms.
//
// Read a part label's QR code with the camera: the browser's BarcodeDetector
// when it has one, else jsQR (loaded only now, from the portal's static
// files) on frames drawn to a canvas.

const JSQR_URL = '/portal/static/jsQR.js';
let jsQRLoading = null;

function loadJsQR() {
  if (window.jsQR) return Promise.resolve(window.jsQR);
  if (!jsQRLoading) {
    jsQRLoading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = JSQR_URL;
      script.async = true;
      script.onload = () => (window.jsQR ? resolve(window.jsQR)
        : reject(new Error('jsQR missing')));
      script.onerror = () => {
        jsQRLoading = null;
        script.remove();
        reject(new Error('jsQR not loaded'));
      };
      document.head.append(script);
    });
  }
  return jsQRLoading;
}

async function nativeDetector() {
  if (!('BarcodeDetector' in window)) return null;
  try {
    const formats = await window.BarcodeDetector.getSupportedFormats();
    if (!formats.includes('qr_code')) return null;
    return new window.BarcodeDetector({ formats: ['qr_code'] });
  } catch {
    return null;
  }
}

export function cameraAvailable() {
  return Boolean(navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
}

// Scan on `video` until a QR code is read (resolves its text) or
// `signal` aborts. Rejects with the getUserMedia error (NotAllowedError,
// NotFoundError...) when the camera cannot be opened.
export async function scan(video, signal) {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: false,
    video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 } },
  });
  const stop = () => stream.getTracks().forEach((track) => track.stop());
  if (signal.aborted) {
    stop();
    throw new DOMException('Aborted', 'AbortError');
  }
  signal.addEventListener('abort', stop, { once: true });
  try {
    video.srcObject = stream;
    video.setAttribute('playsinline', '');
    video.muted = true;
    await video.play();
    const detector = await nativeDetector();
    const jsQR = detector ? null : await loadJsQR();
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    while (!signal.aborted) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      if (signal.aborted || video.readyState < 2 || !video.videoWidth) continue;
      if (detector) {
        const codes = await detector.detect(video).catch(() => []);
        if (codes.length) return codes[0].rawValue;
      } else {
        const scale = Math.min(1, 800 / Math.max(video.videoWidth, video.videoHeight));
        canvas.width = Math.round(video.videoWidth * scale);
        canvas.height = Math.round(video.videoHeight * scale);
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        const code = jsQR(image.data, image.width, image.height,
          { inversionAttempts: 'attemptBoth' });
        if (code && code.data) return code.data;
      }
    }
    throw new DOMException('Aborted', 'AbortError');
  } finally {
    signal.removeEventListener('abort', stop);
    stop();
    video.srcObject = null;
  }
}
