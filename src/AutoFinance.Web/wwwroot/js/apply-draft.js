// Keeps the application form's draft on the server as it is filled: after each change, and before the language
// switch leaves the page, so the form comes back with the values entered. Listeners sit on the document because
// enhanced navigation replaces the page's content.
(() => {
  const form = () => document.querySelector('form[data-testid="apply-form"][data-draft="on"]');
  const save = f => fetch('/forms/apply/draft', { method: 'POST', body: new FormData(f), credentials: 'same-origin', keepalive: true });
  document.addEventListener('change', e => {
    const f = form();
    if (f && f.contains(e.target)) { save(f); }
  });
  document.addEventListener('click', e => {
    const link = e.target.closest && e.target.closest('[data-testid="language-switch"] a');
    const f = form();
    if (!link || !f) { return; }
    e.preventDefault();
    save(f).catch(() => undefined).finally(() => { window.location.href = link.href; });
  }, true);
})();
