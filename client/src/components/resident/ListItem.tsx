/** One tappable row of a list: a title, an optional tag, a mark of the reader's own, and plain details. */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './resident.css';

interface Props {
  title: string;
  tag?: string;
  /** a red tag (置顶, 待答复) for what needs attention */
  tagStrong?: boolean;
  /** the reader's own state in words (未读, 我已报名), after the title */
  mark?: string;
  meta?: ReactNode;
  onOpen: () => void;
}

export function ListItem({ title, tag, tagStrong, mark, meta, onOpen }: Props) {
  return (
    <View className='ritem' hoverClass='ritem--pressed' role='link' onClick={onOpen}>
      <View className='ritem__head'>
        {tag ? <Text className={tagStrong ? 'rtag rtag--strong' : 'rtag'}>{tag}</Text> : null}
        <Text className='ritem__title'>{title}</Text>
        {mark ? <Text className='rmark'>{mark}</Text> : null}
      </View>
      {meta ? <View className='ritem__meta'>{meta}</View> : null}
    </View>
  );
}
