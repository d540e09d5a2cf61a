/**
 * Button props for a write in progress. Taro's H5 button treats a present `disabled` / `loading`
 * attribute as on even when it is `false` (faded text), so "off" must be left out entirely.
 */
export function busyProps(busy: boolean, disabled = busy): { loading?: true; disabled?: true } {
  return { loading: busy || undefined, disabled: disabled || undefined };
}
