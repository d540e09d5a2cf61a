/** 首页: which residents' committee the caller belongs to, or how to join one. */
import { Button, Text, View } from '@tarojs/components';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { Screen } from '../../components/Screen';
import { ErrorView, Loading } from '../../components/States';
import { ResidentEntries } from '../../components/resident/Entries';
import { useMe, type Me } from '../../hooks/useMe';
import { ROUTES } from '../../lib/routes';

/** 家庭登记 for a WeChat user without a household (and without a staff role); 我的家庭 once registered. */
function HouseholdEntry({ me }: { me: Me }) {
  if (me.roles.includes('resident')) return <Button className='btn btn--entry' onClick={() => void Taro.navigateTo({ url: ROUTES.resident.household })}>我的家庭</Button>;
  if (me.roles.length > 0) return null;
  return (
    <View className='card'>
      <Button className='btn btn--primary' onClick={() => void Taro.navigateTo({ url: ROUTES.resident.consent })}>开始家庭登记（上云）</Button>
      <Text className='card__hint'>家人已经登记的，请家人在「我的家庭」里分享邀请，您点开即可加入。</Text>
    </View>
  );
}

function regionLine(me: Me): string {
  return [me.district?.name, me.street?.name].filter(Boolean).join(' · ');
}

function Committee({ me }: { me: Me }) {
  if (!me.committee) {
    return (
      <View className='card'>
        <Text className='card__title'>欢迎使用社区云</Text>
        <Text className='card__text'>您还没有完成家庭登记。登记（上云）后，这里会显示您所在的居委会，以及公告、议事厅和党建园地。</Text>
      </View>
    );
  }
  const region = regionLine(me);
  return (
    <View className='card card--committee'>
      <Text className='card__label'>我的居委会</Text>
      <Text className='card__heading'>{me.committee.name}</Text>
      {region ? <Text className='card__text'>{region}</Text> : null}
    </View>
  );
}

export default function HomePage() {
  const state = useMe();
  useShareAppMessage(() => ({ title: '社区云 · 居社互动平台', path: ROUTES.resident.home }));
  return (
    <Screen>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ErrorView error={state.error} onRetry={state.reload} /> : null}
      {state.status === 'ready' ? <Committee me={state.data} /> : null}
      {state.status === 'ready' ? <HouseholdEntry me={state.data} /> : null}
      {state.status === 'ready' && state.data.committee ? <ResidentEntries /> : null}
    </Screen>
  );
}
