/** One tappable row of a list: a title, an optional tag, and a line of plain details. */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './resident.css';

interface Props {
  title: string;
  tag?: string;
  /** a red tag (置顶, 待答复) for what needs attention */
  tagStrong?: boolean;
  meta?: ReactNode;
  onOpen: () => void;
}

export function ListItem({ title, tag, tagStrong, meta, onOpen }: Props) {
  return (
    <View className='ritem' hoverClass='ritem--pressed' role='link' onClick={onOpen}>
      <View className='ritem__head'>
        {tag ? <Text className={tagStrong ? 'rtag rtag--strong' : 'rtag'}>{tag}</Text> : null}
        <Text className='ritem__title'>{title}</Text>
      </View>
      {meta ? <View className='ritem__meta'>{meta}</View> : null}
    </View>
  );
}
