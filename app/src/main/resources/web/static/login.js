'use strict';
// The login form posts JSON (a cross-site HTML form cannot), then opens the control room.
document.getElementById('login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const err = document.getElementById('login-error');
  err.textContent = '';
  const r = await fetch('/api/login', {
    method: 'POST', credentials: 'same-origin', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({user: document.getElementById('user').value, password: document.getElementById('password').value})
  });
  if (r.ok) { location.href = '/' + location.search + location.hash; return; }
  const body = await r.json().catch(() => ({}));
  err.textContent = body.error || ('Lỗi ' + r.status);
});
