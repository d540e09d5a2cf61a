import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { initTransport } from './services/cloud';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initTransport();
  });
  return children;
}

export default App;
