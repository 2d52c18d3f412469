// Signing a quote in the client's space: the signature drawn with a finger,
// a pen or the mouse (signature_pad) goes into the form as a PNG data URL.
// Without a drawing, an uploaded image of the signature is sent instead
// (the keyboard-accessible way). No inline script: strict CSP.
(function () {
  'use strict';

  function setup() {
    var form = document.getElementById('sign-form');
    var canvas = document.getElementById('signature-pad');
    if (!form || !canvas || form.dataset.ready) {
      return;
    }
    form.dataset.ready = '1';
    var field = document.getElementById('signature-data');
    var file = document.getElementById('signature-file');
    var clear = document.getElementById('signature-clear');
    var error = document.getElementById('sign-error');
    var pad = null;
    if (window.SignaturePad) {
      pad = new window.SignaturePad(canvas, {
        penColor: '#0f172a',
        minWidth: 0.8,
        maxWidth: 2.6,
      });
    }

    // The canvas keeps its drawing sharp on high-density screens.
    function resize() {
      if (!pad) {
        return;
      }
      var data = pad.isEmpty() ? null : pad.toData();
      var ratio = Math.max(window.devicePixelRatio || 1, 1);
      canvas.width = canvas.offsetWidth * ratio;
      canvas.height = canvas.offsetHeight * ratio;
      canvas.getContext('2d').scale(ratio, ratio);
      pad.clear();
      if (data) {
        pad.fromData(data);
      }
    }
    window.addEventListener('resize', resize);
    resize();

    if (clear) {
      clear.addEventListener('click', function () {
        if (pad) {
          pad.clear();
        }
        field.value = '';
      });
    }

    form.addEventListener('submit', function (event) {
      var uploaded = file && file.files && file.files.length > 0;
      if (uploaded) {
        field.value = '';
        return;
      }
      if (!pad || pad.isEmpty()) {
        event.preventDefault();
        if (error) {
          error.textContent = form.dataset.emptyMessage;
          error.classList.remove('hidden');
          error.focus();
        }
        return;
      }
      field.value = pad.toDataURL('image/png');
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setup);
  } else {
    setup();
  }
  document.addEventListener('htmx:load', setup);
}());
