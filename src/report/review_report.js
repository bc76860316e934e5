(() => {
  'use strict';
  const tip = document.getElementById('tip');
  let owner = null;
  let hideTimer = 0;
  const highlightOf = (node) => (node instanceof Element ? node.closest('mark.hl') : null);
  const place = (el) => {
    const rects = el.getClientRects();
    const r = rects.length ? rects[0] : el.getBoundingClientRect();
    tip.style.left = '0px';
    tip.style.top = '0px';
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    const viewWidth = document.documentElement.clientWidth;
    const left = Math.max(8, Math.min(r.left, viewWidth - width - 8));
    let top = r.bottom + 8;
    if (top + height > window.innerHeight && r.top - height - 8 > 0) top = r.top - height - 8;
    tip.style.left = `${left + window.scrollX}px`;
    tip.style.top = `${top + window.scrollY}px`;
  };
  const show = (el) => {
    clearTimeout(hideTimer);
    if (owner === el) return;
    const text = document.getElementById(el.getAttribute('aria-describedby'));
    if (!text) return;
    tip.replaceChildren(...Array.from(text.childNodes, (node) => node.cloneNode(true)));
    tip.dataset.kind = Array.from(el.classList).find((c) => c.startsWith('hl-')) || '';
    tip.hidden = false;
    owner = el;
    place(el);
  };
  const hide = () => {
    clearTimeout(hideTimer);
    tip.hidden = true;
    owner = null;
  };
  const hideSoon = () => {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  };
  document.addEventListener('focusin', (event) => {
    const el = highlightOf(event.target);
    if (el) show(el); else hide();
  });
  document.addEventListener('focusout', (event) => {
    if (highlightOf(event.target)) hideSoon();
  });
  document.addEventListener('mouseover', (event) => {
    if (tip.contains(event.target)) {
      clearTimeout(hideTimer);
      return;
    }
    const el = highlightOf(event.target);
    if (el) show(el);
    else if (owner && owner !== document.activeElement) hideSoon();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !tip.hidden) hide();
  });
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a.jump') : null;
    if (!link) return;
    const target = document.getElementById(link.getAttribute('href').slice(1));
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  });
  window.addEventListener('resize', () => {
    if (owner) place(owner);
  });
  window.addEventListener('beforeprint', () => {
    hide();
    document.querySelectorAll('details').forEach((d) => { d.open = true; });
  });
})();
