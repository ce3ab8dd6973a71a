// The demo county: a county-seat town with urban communities and rural towns with their villages.

export interface Town {
  name: string;
  urban: boolean;
  villages: string[];
}

export const demoCounty = '青山县';
export const demoAreaCode = '341322';

export const demoTowns: Town[] = [
  { name: '城关镇', urban: true, villages: ['东城社区', '西城社区', '南门社区', '北关社区', '新华社区', '人民路社区'] },
  { name: '开发区', urban: true, villages: ['科技园社区', '锦绣社区', '滨河社区'] },
  { name: '杨柳镇', urban: false, villages: ['杨柳村', '大王庄村', '河湾村', '李家坝村', '石桥村'] },
  { name: '桃源乡', urban: false, villages: ['桃源村', '上坪村', '下坪村', '竹林村'] },
  { name: '白马镇', urban: false, villages: ['白马村', '东岗村', '西岗村', '柿子园村', '新庄村', '王楼村'] },
  { name: '清水乡', urban: false, villages: ['清水村', '龙潭村', '高山村'] },
  { name: '双河镇', urban: false, villages: ['双河村', '朱家湾村', '刘庄村', '前进村', '光明村'] },
];
