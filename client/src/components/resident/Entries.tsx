/** The home page's doors into the resident columns, each with a word on what it is for. */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ROUTES } from '../../lib/routes';
import './resident.css';

const ENTRIES = [
  { title: '社区公告', hint: '居委会的通知', url: ROUTES.resident.notices, tab: true },
  { title: '党建园地', hint: '文章、活动、志愿报名', url: ROUTES.resident.party, tab: false },
  { title: '议事厅', hint: '大家的事大家议', url: ROUTES.resident.hall, tab: false },
  { title: '问居委会', hint: '有事在线问，居委会答复', url: ROUTES.resident.questions, tab: false },
] as const;

export function ResidentEntries() {
  return (
    <View className='rentries'>
      {ENTRIES.map((e) => (
        <View
          key={e.url}
          className='rentry'
          hoverClass='ritem--pressed'
          role='link'
          onClick={() => void (e.tab ? Taro.switchTab({ url: e.url }) : Taro.navigateTo({ url: e.url }))}
        >
          <Text className='rentry__title'>{e.title}</Text>
          <Text className='rentry__hint'>{e.hint}</Text>
        </View>
      ))}
    </View>
  );
}
