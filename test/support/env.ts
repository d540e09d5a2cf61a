/**
 * Every test process presents itself as running inside SCF, as CloudBase functions do. Without
 * this the genuine SDK probes Tencent's metadata host at init (a DNS look-up off this machine).
 * The local cloud ignores the dummy credentials.
 */
process.env.TENCENTCLOUD_RUNENV ??= 'SCF';
process.env.TENCENTCLOUD_REGION ??= 'ap-shanghai';
process.env.SCF_NAMESPACE ??= 'shequyun-test';
process.env.TENCENTCLOUD_SECRETID ??= 'local-secret-id';
process.env.TENCENTCLOUD_SECRETKEY ??= 'local-secret-key';
process.env.TZ ??= 'UTC'; // the servers' zone: code must never depend on it
export {};
