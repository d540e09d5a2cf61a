/** The development sign-in page: pick a demo persona. Plain HTML, no client bundle involved. */
import type { Persona } from './personas';

const KIND_LABEL: Record<Persona['kind'], string> = { resident: '居民', staff: '居委工作人员', liaison: '联络员' };

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function signinPage(personas: Persona[], current: Persona | null, links: { label: string; href: string }[], group: string | null = null): string {
  const groups = (Object.keys(KIND_LABEL) as Persona['kind'][]).map((kind) => {
    const items = personas.filter((p) => p.kind === kind);
    if (!items.length) return '';
    const buttons = items
      .map((p) => `<button name="persona" value="${esc(p.id)}"${current?.id === p.id ? ' class="current"' : ''}><b>${esc(p.label)}</b><small>${esc(p.description)}</small></button>`)
      .join('');
    return `<h2>${KIND_LABEL[kind]}</h2>${buttons}`;
  });
  const devLinks = links.map((l) => `<a href="${esc(l.href)}" target="_blank" rel="noopener">${esc(l.label)}</a>`).join(' · ');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>开发登录 · 社区云</title><style>
body{font:18px/1.6 system-ui,"Noto Sans CJK SC",sans-serif;margin:0;background:#f5f5f5;color:#111}
.warn{background:#b71c1c;color:#fff;padding:12px 16px;font-weight:bold}
main{max-width:560px;margin:0 auto;padding:16px}
button{display:block;width:100%;min-height:56px;margin:8px 0;padding:10px 14px;text-align:left;font-size:18px;border:2px solid #ccc;border-radius:8px;background:#fff;cursor:pointer}
button.current{border-color:#c62828}small{display:block;color:#555;font-size:15px}
</style></head><body><div class="warn" role="alert">开发环境的模拟登录：仅用于本地调试，正式版本中不存在此页面</div><main>
<h1>选择身份</h1><p>当前：${current ? esc(current.label) : '未登录'}</p>
<form method="post" action="/__dev/signin">${groups.join('')}<button name="persona" value="">退出模拟登录</button></form>
<h2>模拟从微信群进入</h2><p>当前：${group ? `从群聊「${esc(group)}」进入` : '不是从群聊进入'}（页面调用 getGroupEnterInfo 时得到的群）</p>
<form method="post" action="/__dev/group-enter"><input name="group" maxlength="40" placeholder="群聊名称，例如 3号楼居民群" value="${esc(group ?? '')}" style="width:100%;min-height:44px;font-size:18px;box-sizing:border-box">
<button type="submit">设为从此群进入（留空则取消）</button></form>
<p>${devLinks}</p></main></body></html>`;
}
