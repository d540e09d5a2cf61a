/**
 * 发布党建内容: first what it is (文章 / 党建活动 / 志愿招募), then exactly the fields that kind
 * takes in `party.publish` (components/staff/PartyPostForm: the fields and the checks made before
 * sending, shared with 修改 on the manage page). One request id per post until it is published:
 * tapping 发布 again after a failure never publishes twice. Then the manage page.
 */
import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { publishPartyPost, type PartyKind } from '@shared/contracts/content-party';
import { Screen } from '../../../../components/Screen';
import { StaffGate } from '../../../../components/staff/StaffGate';
import { Choice } from '../../../../components/staff/Fields';
import { FormError } from '../../../../components/staff/FormError';
import { useSubmit } from '../../../../hooks/useSubmit';
import { checkPartyPost, PartyPostFields, usePartyPostForm } from '../../../../components/staff/PartyPostForm';
import { call } from '../../../../services/cloud';
import { KIND_LABELS } from '../../../../pages/party/labels';
import { ROUTES, withQuery } from '../../../../lib/routes';

const KIND_OPTIONS: readonly (readonly [PartyKind, string])[] = [['article', '文章'], ['activity', KIND_LABELS.activity], ['volunteer', KIND_LABELS.volunteer]];

function PublishForm() {
  const form = usePartyPostForm(null);
  const { kind } = form;
  const save = useSubmit((requestId) => call(publishPartyPost, checkPartyPost(form, true, '请按提示修改后再发布'), { requestId }));

  const publish = async () => {
    const r = await save.submit();
    if (!r) return;
    void Taro.showToast({ title: '已发布', icon: 'success' });
    void Taro.redirectTo({ url: withQuery(ROUTES.staff.partyPost, { id: r.id }) });
  };

  return (
    <View>
      <Choice label='发布什么' value={kind} options={KIND_OPTIONS} onChange={form.setKind} />
      <PartyPostFields form={form} errors={save.errors} />
      <FormError error={save.error} />
      <Button id='party-publish' className='btn btn--primary' loading={save.busy} disabled={save.busy} onClick={() => void publish()}>
        发布{kind === 'article' ? '文章' : KIND_LABELS[kind]}
      </Button>
    </View>
  );
}

export default function NewPartyPostPage() {
  return (
    <Screen>
      <StaffGate>{() => <PublishForm />}</StaffGate>
    </Screen>
  );
}
