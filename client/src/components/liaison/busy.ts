/**
 * Button props while a request runs. Passed only when busy: on H5, React writes `disabled="false"`
 * onto Taro's button element, and its [disabled] style then hides the label of an idle button.
 */
export function busyProps(busy: boolean): { loading?: true; disabled?: true } {
  return busy ? { loading: true, disabled: true } : {};
}
