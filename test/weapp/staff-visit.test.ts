/**
 * The 走访 form in the BUILT mini-program (`records/new?type=visit`): the contract's messages
 * appear at the empty required fields without sending anything, and a filled form goes to
 * worklog.createVisit with a Shanghai instant, the 附件二 fields and the chosen type.
 */
import { loadWithQuery, requireBuild, waitFor, waitForText, type CloudCall, type loadBuiltPage } from './harness';

const staffMe = { signedIn: true, displayName: '张敏', roles: ['staff'], committee: { id: 'c-1', name: '曹杨一村居民委员会' }, street: null, district: null };

type Event = { action: string; payload: Record<string, unknown>; requestId: string };
type Sim = Awaited<ReturnType<typeof loadBuiltPage>>['sim'] & { querySelectorAll(s: string): { dom: HTMLElement; dispatchEvent(n: string, o?: object): void }[] };


describe('visit record form (built dist)', () => {
  const calls: CloudCall[] = [];
  let page: Awaited<ReturnType<typeof loadBuiltPage>>;
  let sim: Sim;
  const visits = () => calls.map((c) => c.data as Event).filter((e) => e.action === 'createVisit');

  beforeAll(async () => {
    requireBuild();
    const wx = (globalThis as unknown as { wx?: Record<string, unknown> }).wx;
    page = await loadWithQuery('packages/staff/pages/records/new', { type: 'visit' }, (name, data) => {
      calls.push({ name, data });
      const e = data as Event;
      if (name === 'auth' && e.action === 'me') return { ok: true, data: staffMe };
      if (name === 'worklog' && e.action === 'createVisit') {
        return { ok: true, data: { id: 'v-1', type: 'visit', at: new Date().toISOString(), localDate: '2026-11-23', staffId: 's-1', staffName: '张敏', editable: true, title: '走访 5号楼 602室', residentNameMasked: '刘**', place: '5号楼 602室', visitKind: 'special', receptionStatus: null } };
      }
      return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } };
    });
    if (wx) wx.showToast = () => undefined;
    sim = page.sim as Sim;
    await waitForText(page.root, '走访居民姓名');
  });

  it('shows the contract messages at the empty fields and sends nothing', async () => {
    sim.querySelector('.btn--primary')!.dispatchEvent('tap');
    await waitForText(page.root, '请填写走访居民姓名');
    expect(page.root.textContent).toContain('请填写走访事由');
    expect(sim.querySelectorAll('.field--invalid').length).toBeGreaterThanOrEqual(4);
    expect(visits()).toHaveLength(0);
  });

  it('sends the filled form to worklog.createVisit', async () => {
    const [name, building, room] = sim.querySelectorAll('.field__input');
    name!.dispatchEvent('input', { detail: { value: '刘阿婆' } });
    building!.dispatchEvent('input', { detail: { value: '5号楼' } });
    room!.dispatchEvent('input', { detail: { value: '602' } });
    const [family, reason] = sim.querySelectorAll('.field__textarea');
    family!.dispatchEvent('input', { detail: { value: '独居老人，子女在外地' } });
    reason!.dispatchEvent('input', { detail: { value: '天冷了，上门了解取暖情况' } });
    const kinds = sim.querySelectorAll('.choice__item');
    expect(kinds.map((k) => k.dom.textContent)).toEqual(['一般走访', '特殊对象走访', '业务条线工作']);
    kinds[1]!.dispatchEvent('tap');
    // wait for the chosen type to be drawn as chosen before sending
    await waitFor(() => sim.querySelector('.choice__item--on')?.dom.textContent === '特殊对象走访', 'the chosen type marked');

    sim.querySelector('.btn--primary')!.dispatchEvent('tap');
    await waitFor(() => visits().length > 0, 'worklog.createVisit');
    const sent = visits();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload).toMatchObject({
      residentName: '刘阿婆',
      building: '5号楼',
      room: '602',
      familySituation: '独居老人，子女在外地',
      reason: '天冷了，上门了解取暖情况',
      difficulty: null,
      kind: 'special',
      line: null,
      remark: null,
      photoFileIds: [],
    });
    // the form's date and time, as the Shanghai instant they stand for
    expect(Math.abs(new Date(sent[0]!.payload.at as string).getTime() - Date.now())).toBeLessThan(2 * 60_000);
    expect(sent[0]!.requestId).toMatch(/^[0-9a-f]{32}$/);
  });
});
