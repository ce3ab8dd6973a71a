// Chinese personal names drawn with realistic surname frequencies.
import type { Random } from './random.js';

const surnames: readonly (readonly [string, number])[] = [
  ['王', 7.1], ['李', 7.0], ['张', 6.7], ['刘', 5.4], ['陈', 4.5], ['杨', 3.1], ['黄', 2.2], ['赵', 2.2],
  ['吴', 2.0], ['周', 1.9], ['徐', 1.5], ['孙', 1.5], ['马', 1.3], ['朱', 1.3], ['胡', 1.2], ['郭', 1.1],
  ['何', 1.1], ['高', 1.0], ['林', 1.0], ['罗', 0.9], ['郑', 0.9], ['梁', 0.8], ['谢', 0.8], ['宋', 0.7],
  ['唐', 0.7], ['许', 0.6], ['韩', 0.6], ['冯', 0.6], ['邓', 0.6], ['曹', 0.6], ['彭', 0.5], ['曾', 0.5],
  ['肖', 0.5], ['田', 0.5], ['董', 0.5], ['袁', 0.4], ['潘', 0.4], ['于', 0.4], ['蒋', 0.4], ['蔡', 0.4],
  ['余', 0.4], ['杜', 0.4], ['叶', 0.4], ['程', 0.4], ['苏', 0.3], ['魏', 0.3], ['吕', 0.3], ['丁', 0.3],
  ['任', 0.3], ['沈', 0.3], ['姚', 0.3], ['卢', 0.3], ['姜', 0.3], ['崔', 0.3], ['钟', 0.3], ['谭', 0.3],
  ['陆', 0.3], ['汪', 0.3], ['范', 0.2], ['金', 0.2], ['石', 0.2], ['廖', 0.2], ['贾', 0.2], ['夏', 0.2],
  ['欧阳', 0.05], ['司马', 0.02],
];

const maleChars = '伟强军磊勇涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林志建国庆春生德福永海山成文武东'.split('');
const femaleChars = '芳娜敏静丽艳娟霞秀英华慧巧美玲桂兰凤洁琳素云莲真环雪荣爱妹香月莺媛佳嘉琼燕萍红梅晶'.split('');

export function chineseName(random: Random, gender: 'M' | 'F'): string {
  const surname = random.weighted(surnames);
  const chars = gender === 'M' ? maleChars : femaleChars;
  const given = random.chance(0.72) ? random.pick(chars) + random.pick(chars) : random.pick(chars);
  return surname + given;
}
