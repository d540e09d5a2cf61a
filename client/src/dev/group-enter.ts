/**
 * H5 only (guarded by DEV_GATEWAY): wx.getGroupEnterInfo's stand-in. The dev gateway answers a
 * cloudID when the dev sign-in page says the app was opened from a group chat.
 */
export async function devGroupEnterCloudId(): Promise<string | undefined> {
  try {
    const res = await fetch('/__dev/group-enter', { credentials: 'same-origin' });
    const body = (await res.json()) as { cloudID?: unknown };
    return typeof body.cloudID === 'string' && body.cloudID ? body.cloudID : undefined;
  } catch {
    return undefined;
  }
}
