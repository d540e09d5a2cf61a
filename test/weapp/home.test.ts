/**
 * The home page as the mini-program runs it: the BUILT dist/weapp (run `npm run build:weapp`
 * first), loaded by miniprogram-simulate, with wx.cloud answering auth.me.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadBuiltPage, requireBuild, waitForText, WEAPP_DIST, type CloudCall } from './harness';

const committeeMe = {
  signedIn: true,
  displayName: '张阿姨',
  roles: ['resident'],
  committee: { id: 'c-test', name: '测试居委会' },
  street: { id: 's-test', name: '测试街道' },
  district: { id: 'd-test', name: '测试区' },
};

describe('weapp home page (built dist)', () => {
  let calls: CloudCall[];
  let page: Awaited<ReturnType<typeof loadBuiltPage>>;

  beforeAll(async () => {
    requireBuild();
    calls = [];
    page = await loadBuiltPage('pages/home/index', (name, data) => {
      calls.push({ name, data });
      return { ok: true, data: committeeMe };
    });
  });

  it('shows the committee the server names, with street and district', async () => {
    await waitForText(page.root, '测试居委会');
    expect(page.root.textContent).toContain('测试区 · 测试街道');
  });

  it('asked the auth function for `me` through wx.cloud, with a request id', () => {
    expect(page.cloud.init).toHaveBeenCalledWith(expect.objectContaining({ traceUser: true, env: expect.any(String) }));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ name: 'auth', data: { action: 'me', payload: {} } });
    expect((calls[0]!.data as { requestId?: string }).requestId).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('weapp bundle contents', () => {
  it('contains no dev-gateway code (/__dev/ or /api/functions/)', () => {
    requireBuild();
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (/\.(js|wxml|wxs|json)$/.test(entry.name)) {
          const text = fs.readFileSync(p, 'utf8');
          if (text.includes('/__dev/') || text.includes('/api/functions/')) offenders.push(path.relative(WEAPP_DIST, p));
        }
      }
    };
    walk(WEAPP_DIST);
    expect(offenders).toEqual([]);
  });

  it('keeps staff and liaison pages out of the main package', () => {
    requireBuild();
    const app = JSON.parse(fs.readFileSync(path.join(WEAPP_DIST, 'app.json'), 'utf8')) as { pages: string[]; subPackages: { root: string; pages: string[] }[] };
    // resident pages only in the main package, home first (the launch page)
    expect(app.pages[0]).toBe('pages/home/index');
    expect(app.pages.every((p) => p.startsWith('pages/'))).toBe(true);
    expect(app.subPackages.map((p) => p.root).sort()).toEqual(['packages/liaison', 'packages/staff']);
    expect(fs.existsSync(path.join(WEAPP_DIST, 'packages/staff/pages/index/index.js'))).toBe(true);
  });
});
