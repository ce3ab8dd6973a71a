// The demo branch's product catalogue, as a rural cooperative bank offers it.
import type { ProductCategory } from '../../api/types.js';

export interface DemoProduct {
  productId: string;
  name: string;
  nameEn: string;
  category: ProductCategory;
}

export const demoProducts = [
  { productId: 'D01', name: '活期储蓄', nameEn: 'Demand savings', category: 'deposit' },
  { productId: 'D02', name: '整存整取定期存款', nameEn: 'Time deposit', category: 'deposit' },
  { productId: 'D03', name: '大额存单', nameEn: 'Large-denomination CD', category: 'deposit' },
  { productId: 'D04', name: '代发工资账户', nameEn: 'Payroll account', category: 'deposit' },
  { productId: 'D05', name: '养老金代发账户', nameEn: 'Pension account', category: 'deposit' },
  { productId: 'W01', name: '稳健理财', nameEn: 'Steady wealth plan', category: 'wealth' },
  { productId: 'W02', name: '代销基金', nameEn: 'Agency funds', category: 'wealth' },
  { productId: 'L01', name: '农户小额信用贷款', nameEn: 'Farmer microcredit', category: 'loan' },
  { productId: 'L02', name: '个人经营贷款', nameEn: 'Small-business loan', category: 'loan' },
  { productId: 'L03', name: '个人消费贷款', nameEn: 'Consumer loan', category: 'loan' },
  { productId: 'L04', name: '个人住房贷款', nameEn: 'Home mortgage', category: 'loan' },
  { productId: 'C01', name: '借记卡', nameEn: 'Debit card', category: 'card' },
  { productId: 'C02', name: '信用卡', nameEn: 'Credit card', category: 'card' },
  { productId: 'E01', name: '手机银行', nameEn: 'Mobile banking', category: 'ebanking' },
  { productId: 'E02', name: '网上银行', nameEn: 'Internet banking', category: 'ebanking' },
  { productId: 'I01', name: '代理保险', nameEn: 'Agency insurance', category: 'insurance' },
  { productId: 'A01', name: '惠农支付服务', nameEn: 'Rural payment service', category: 'agri' },
  { productId: 'A02', name: '农业保险代办', nameEn: 'Crop insurance agency', category: 'agri' },
] as const satisfies readonly DemoProduct[];

export type DemoProductId = (typeof demoProducts)[number]['productId'];
