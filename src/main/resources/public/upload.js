// Progressive enhancement of the upload page: drag and drop, and a progress bar per file. Without JavaScript the
// form posts all files at once and the server renders the same table.
(function () {
  'use strict';
  var form = document.querySelector('form.upload');
  if (!form || !window.FormData || !window.XMLHttpRequest) { return; }
  var input = form.querySelector('input[type=file]');
  var csrf = form.querySelector('input[name=csrfToken]');
  var labels = { ADDED: 'Đã thêm', UNCHANGED: 'Đã có trong kho', NEW_VERSION: 'Phiên bản mới', FAILED: 'Không nhận được' };

  function table() {
    var t = document.querySelector('table.upload-results');
    if (!t) {
      t = document.createElement('table');
      t.className = 'upload-results';
      t.innerHTML = '<thead><tr><th scope="col">Tệp</th><th scope="col">Kết quả</th><th scope="col">Chi tiết</th></tr></thead><tbody></tbody>';
      form.parentNode.insertBefore(t, form.nextSibling);
    }
    return t.querySelector('tbody');
  }

  function row(name) {
    var tr = document.createElement('tr');
    var file = document.createElement('td');
    file.textContent = name;
    var status = document.createElement('td');
    status.className = 'status';
    var bar = document.createElement('progress');
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-label', 'Đang tải ' + name);
    status.appendChild(bar);
    var detail = document.createElement('td');
    tr.appendChild(file);
    tr.appendChild(status);
    tr.appendChild(detail);
    table().appendChild(tr);
    return { tr: tr, file: file, status: status, detail: detail, bar: bar };
  }

  function finish(r, outcome, name) {
    r.status.textContent = labels[outcome.status] || 'Lỗi';
    r.detail.textContent = outcome.detail || outcome.reason || '';
    if (outcome.id) {
      var a = document.createElement('a');
      a.href = '/van-ban/' + outcome.id;
      a.textContent = name;
      r.file.textContent = '';
      r.file.appendChild(a);
    }
    if (outcome.status === 'FAILED' || !outcome.status) { r.tr.classList.add('overdue'); }
    r.tr.classList.add('done');
  }

  function send(files, i) {
    if (i >= files.length) { return; }
    var f = files[i];
    var r = row(f.name);
    var data = new FormData();
    data.append('files', f, f.name);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', '/tai-len');
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrf) { xhr.setRequestHeader('X-CSRF-TOKEN', csrf.value); }
    xhr.upload.onprogress = function (e) { if (e.lengthComputable) { r.bar.value = Math.round(100 * e.loaded / e.total); } };
    xhr.onload = function () {
      var outcome;
      try { outcome = JSON.parse(xhr.responseText); if (Array.isArray(outcome)) { outcome = outcome[0] || {}; } } catch (err) { outcome = { status: 'FAILED', reason: 'HTTP ' + xhr.status }; }
      if (!outcome.status && outcome.message) { outcome = { status: 'FAILED', reason: outcome.message }; }
      finish(r, outcome, f.name);
      send(files, i + 1);
    };
    xhr.onerror = function () { finish(r, { status: 'FAILED', reason: 'mất kết nối tới máy chủ' }, f.name); send(files, i + 1); };
    xhr.send(data);
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    if (input.files.length > 0) { send(Array.prototype.slice.call(input.files), 0); }
  });
  ['dragenter', 'dragover'].forEach(function (n) {
    form.addEventListener(n, function (e) { e.preventDefault(); form.classList.add('drag'); });
  });
  ['dragleave', 'drop'].forEach(function (n) {
    form.addEventListener(n, function (e) { e.preventDefault(); form.classList.remove('drag'); });
  });
  form.addEventListener('drop', function (e) {
    if (e.dataTransfer && e.dataTransfer.files.length > 0) { send(Array.prototype.slice.call(e.dataTransfer.files), 0); }
  });
  var hint = document.createElement('p');
  hint.className = 'note';
  hint.textContent = 'Hoặc kéo thả tệp vào khung này.';
  form.appendChild(hint);
}());
