/**
 * The service's own answers for the worked example (shared/examples/mini, scenario_mini.json):
 * runs:start, customers:query (first page), customers:trace of customer 003 (refund month,
 * negative value) and compare:run against a copy that allocates by revenue, re-weights the
 * value score and lowers the tier thresholds. Captured once from openService over an imported
 * knowledge base and typed against the contract, so a contract change breaks these fixtures.
 */
import type { ComparisonView, CustomerPage, CustomerTrace, RunView } from '../../../core/service/contract';

export const miniRun: RunView = {
 "runId": "0e9551a5-1",
 "scenario": {
  "name": "mini",
  "month": "2026-03",
  "window": 3,
  "min_tenure": 3,
  "drivers": {
   "default": {
    "users": 0.5,
    "minutes": 0.5,
    "data_mb": 0,
    "sms": 0,
    "revenue": 0
   },
   "pools": {}
  },
  "profit_breakpoints": {
   "mode": "auto"
  },
  "credit": {
   "tenure_cap": 36,
   "spend_cap": "auto",
   "suspension_count_cap": 2,
   "suspension_days_cap": 10,
   "weights": {
    "tenure": 0.3,
    "spend": 0.3,
    "suspension_count": 0.2,
    "suspension_days": 0.2
   }
  },
  "loyalty": {
   "tenure_cap": 60,
   "services_cap": 4,
   "weights": {
    "tenure": 0.4,
    "services": 0.3,
    "plan_stability": 0.3
   }
  },
  "behaviour": {
   "default": 50,
   "table": {}
  },
  "value_weights": {
   "profit": 0.7,
   "loyalty": 0.1,
   "credit": 0.1,
   "behaviour": 0.1
  },
  "value_formula": null,
  "tiers": [
   [
    "A",
    80
   ],
   [
    "B",
    60
   ],
   [
    "C",
    40
   ]
  ],
  "lowest_tier": "D",
  "trend_months": 6,
  "warnings": { "negative_turn": { "enabled": true }, "value_drop": { "enabled": true, "points": 20, "tiers": 2 }, "credit_arrears": { "enabled": true, "credit_below": 40 }, "share_rise": { "enabled": true, "points": 3 }, "plan_flags": { "enabled": true } }
 },
 "month": "2026-03",
 "window": [
  "2026-01",
  "2026-02",
  "2026-03"
 ],
 "kpis": {
  "customers": 4,
  "eligible": 3,
  "negativeCount": 1,
  "loss": -3,
  "totalProfit": 78.5,
  "tiers": [
   {
    "tier": "A",
    "customers": 1
   },
   {
    "tier": "B",
    "customers": 0
   },
   {
    "tier": "C",
    "customers": 1
   },
   {
    "tier": "D",
    "customers": 1
   },
   {
    "tier": "(无分值)",
    "customers": 0
   },
   {
    "tier": "不参与评分",
    "customers": 1
   }
  ]
 },
 "charts": {
  "valueHistogram": {
   "bins": [
    {
     "from": 0,
     "to": 5,
     "count": 0
    },
    {
     "from": 5,
     "to": 10,
     "count": 0
    },
    {
     "from": 10,
     "to": 15,
     "count": 1
    },
    {
     "from": 15,
     "to": 20,
     "count": 0
    },
    {
     "from": 20,
     "to": 25,
     "count": 0
    },
    {
     "from": 25,
     "to": 30,
     "count": 0
    },
    {
     "from": 30,
     "to": 35,
     "count": 0
    },
    {
     "from": 35,
     "to": 40,
     "count": 0
    },
    {
     "from": 40,
     "to": 45,
     "count": 0
    },
    {
     "from": 45,
     "to": 50,
     "count": 1
    },
    {
     "from": 50,
     "to": 55,
     "count": 0
    },
    {
     "from": 55,
     "to": 60,
     "count": 0
    },
    {
     "from": 60,
     "to": 65,
     "count": 0
    },
    {
     "from": 65,
     "to": 70,
     "count": 0
    },
    {
     "from": 70,
     "to": 75,
     "count": 0
    },
    {
     "from": 75,
     "to": 80,
     "count": 0
    },
    {
     "from": 80,
     "to": 85,
     "count": 0
    },
    {
     "from": 85,
     "to": 90,
     "count": 0
    },
    {
     "from": 90,
     "to": 95,
     "count": 0
    },
    {
     "from": 95,
     "to": 100,
     "count": 1
    }
   ],
   "customers": 3
  },
  "tierCounts": [
   {
    "label": "A",
    "kind": "tier",
    "customers": 1
   },
   {
    "label": "B",
    "kind": "tier",
    "customers": 0
   },
   {
    "label": "C",
    "kind": "tier",
    "customers": 1
   },
   {
    "label": "D",
    "kind": "tier",
    "customers": 1
   },
   {
    "label": "不参与评分",
    "kind": "ineligible",
    "customers": 1
   }
  ],
  "profitByPlan": [
   {
    "plan": "X",
    "customers": 1,
    "sumAvgProfit": 60,
    "lossMakingPlan": false,
    "settlementInverted": false
   },
   {
    "plan": "Z",
    "customers": 1,
    "sumAvgProfit": 16,
    "lossMakingPlan": false,
    "settlementInverted": false
   },
   {
    "plan": "W",
    "customers": 2,
    "sumAvgProfit": 2.5,
    "lossMakingPlan": false,
    "settlementInverted": false
   }
  ],
  "negativeShareByBranch": [
   {
    "branch": "郑州",
    "customers": 3,
    "negativeCount": 1,
    "negativeShare": 0.3333333333333333
   },
   {
    "branch": "周口",
    "customers": 1,
    "negativeCount": 0,
    "negativeShare": 0
   }
  ],
  "profitCurve": {
   "customers": 4,
   "total": 78.5,
   "peak": [
    75,
    81.5
   ],
   "points": [
    [
     25,
     60
    ],
    [
     50,
     76
    ],
    [
     75,
     81.5
    ],
    [
     100,
     78.5
    ]
   ]
  }
 },
 "aggregates": {
  "plan": [
   {
    "group": "W",
    "customers": 2,
    "eligible": 1,
    "sumAvgRevenue": 40,
    "sumAvgSettlementCost": 0,
    "sumAvgIndividualCost": 0,
    "sumAvgAllocated": 37.5,
    "sumAvgProfit": 2.5,
    "margin": 0.0625,
    "negativeCount": 1,
    "negativeShare": 0.5,
    "loss": -3,
    "meanValue": 13.533333333333333,
    "lossMakingPlan": false,
    "settlementInverted": false
   },
   {
    "group": "X",
    "customers": 1,
    "eligible": 1,
    "sumAvgRevenue": 105,
    "sumAvgSettlementCost": 5,
    "sumAvgIndividualCost": 15,
    "sumAvgAllocated": 30,
    "sumAvgProfit": 60,
    "margin": 0.5714285714285714,
    "negativeCount": 0,
    "negativeShare": 0,
    "loss": 0,
    "meanValue": 95,
    "lossMakingPlan": false,
    "settlementInverted": false
   },
   {
    "group": "Z",
    "customers": 1,
    "eligible": 1,
    "sumAvgRevenue": 50,
    "sumAvgSettlementCost": 10,
    "sumAvgIndividualCost": 10,
    "sumAvgAllocated": 24,
    "sumAvgProfit": 16,
    "margin": 0.32,
    "negativeCount": 0,
    "negativeShare": 0,
    "loss": 0,
    "meanValue": 48.6,
    "lossMakingPlan": false,
    "settlementInverted": false
   }
  ],
  "brand": [
   {
    "group": "全球通",
    "customers": 1,
    "eligible": 1,
    "sumAvgRevenue": 105,
    "sumAvgSettlementCost": 5,
    "sumAvgIndividualCost": 15,
    "sumAvgAllocated": 30,
    "sumAvgProfit": 60,
    "margin": 0.5714285714285714,
    "negativeCount": 0,
    "negativeShare": 0,
    "loss": 0,
    "meanValue": 95,
    "lossMakingPlan": false,
    "settlementInverted": false
   },
   {
    "group": "动感地带",
    "customers": 1,
    "eligible": 1,
    "sumAvgRevenue": 10,
    "sumAvgSettlementCost": 0,
    "sumAvgIndividualCost": 0,
    "sumAvgAllocated": 13,
    "sumAvgProfit": -3,
    "margin": -0.3,
    "negativeCount": 1,
    "negativeShare": 1,
    "loss": -3,
    "meanValue": 13.533333333333333,
    "lossMakingPlan": false,
    "settlementInverted": false
   },
   {
    "group": "神州行",
    "customers": 2,
    "eligible": 1,
    "sumAvgRevenue": 80,
    "sumAvgSettlementCost": 10,
    "sumAvgIndividualCost": 10,
    "sumAvgAllocated": 48.5,
    "sumAvgProfit": 21.5,
    "margin": 0.26875,
    "negativeCount": 0,
    "negativeShare": 0,
    "loss": 0,
    "meanValue": 48.6,
    "lossMakingPlan": false,
    "settlementInverted": false
   }
  ],
  "branch": [
   {
    "group": "周口",
    "customers": 1,
    "eligible": 1,
    "sumAvgRevenue": 50,
    "sumAvgSettlementCost": 10,
    "sumAvgIndividualCost": 10,
    "sumAvgAllocated": 24,
    "sumAvgProfit": 16,
    "margin": 0.32,
    "negativeCount": 0,
    "negativeShare": 0,
    "loss": 0,
    "meanValue": 48.6,
    "lossMakingPlan": false,
    "settlementInverted": false
   },
   {
    "group": "郑州",
    "customers": 3,
    "eligible": 2,
    "sumAvgRevenue": 145,
    "sumAvgSettlementCost": 5,
    "sumAvgIndividualCost": 15,
    "sumAvgAllocated": 67.5,
    "sumAvgProfit": 62.5,
    "margin": 0.43103448275862066,
    "negativeCount": 1,
    "negativeShare": 0.3333333333333333,
    "loss": -3,
    "meanValue": 54.266666666666666,
    "lossMakingPlan": false,
    "settlementInverted": false
   }
  ],
  "channel": [
   {
    "group": "电子渠道",
    "customers": 1,
    "eligible": 1,
    "sumAvgRevenue": 10,
    "sumAvgSettlementCost": 0,
    "sumAvgIndividualCost": 0,
    "sumAvgAllocated": 13,
    "sumAvgProfit": -3,
    "margin": -0.3,
    "negativeCount": 1,
    "negativeShare": 1,
    "loss": -3,
    "meanValue": 13.533333333333333,
    "lossMakingPlan": false,
    "settlementInverted": false
   },
   {
    "group": "社会渠道",
    "customers": 1,
    "eligible": 1,
    "sumAvgRevenue": 50,
    "sumAvgSettlementCost": 10,
    "sumAvgIndividualCost": 10,
    "sumAvgAllocated": 24,
    "sumAvgProfit": 16,
    "margin": 0.32,
    "negativeCount": 0,
    "negativeShare": 0,
    "loss": 0,
    "meanValue": 48.6,
    "lossMakingPlan": false,
    "settlementInverted": false
   },
   {
    "group": "自有营业厅",
    "customers": 2,
    "eligible": 1,
    "sumAvgRevenue": 135,
    "sumAvgSettlementCost": 5,
    "sumAvgIndividualCost": 15,
    "sumAvgAllocated": 54.5,
    "sumAvgProfit": 65.5,
    "margin": 0.48518518518518516,
    "negativeCount": 0,
    "negativeShare": 0,
    "loss": 0,
    "meanValue": 95,
    "lossMakingPlan": false,
    "settlementInverted": false
   }
  ],
  "segment": [
   {
    "group": "商务精英",
    "customers": 1,
    "eligible": 1,
    "sumAvgRevenue": 105,
    "sumAvgSettlementCost": 5,
    "sumAvgIndividualCost": 15,
    "sumAvgAllocated": 30,
    "sumAvgProfit": 60,
    "margin": 0.5714285714285714,
    "negativeCount": 0,
    "negativeShare": 0,
    "loss": 0,
    "meanValue": 95,
    "lossMakingPlan": false,
    "settlementInverted": false
   },
   {
    "group": "家庭用户",
    "customers": 1,
    "eligible": 1,
    "sumAvgRevenue": 50,
    "sumAvgSettlementCost": 10,
    "sumAvgIndividualCost": 10,
    "sumAvgAllocated": 24,
    "sumAvgProfit": 16,
    "margin": 0.32,
    "negativeCount": 0,
    "negativeShare": 0,
    "loss": 0,
    "meanValue": 48.6,
    "lossMakingPlan": false,
    "settlementInverted": false
   },
   {
    "group": "年轻学生",
    "customers": 2,
    "eligible": 1,
    "sumAvgRevenue": 40,
    "sumAvgSettlementCost": 0,
    "sumAvgIndividualCost": 0,
    "sumAvgAllocated": 37.5,
    "sumAvgProfit": 2.5,
    "margin": 0.0625,
    "negativeCount": 1,
    "negativeShare": 0.5,
    "loss": -3,
    "meanValue": 13.533333333333333,
    "lossMakingPlan": false,
    "settlementInverted": false
   }
  ],
  "tier": [
   {
    "group": "A",
    "customers": 1,
    "eligible": 1,
    "sumAvgRevenue": 105,
    "sumAvgSettlementCost": 5,
    "sumAvgIndividualCost": 15,
    "sumAvgAllocated": 30,
    "sumAvgProfit": 60,
    "margin": 0.5714285714285714,
    "negativeCount": 0,
    "negativeShare": 0,
    "loss": 0,
    "meanValue": 95,
    "lossMakingPlan": false,
    "settlementInverted": false
   },
   {
    "group": "C",
    "customers": 1,
    "eligible": 1,
    "sumAvgRevenue": 50,
    "sumAvgSettlementCost": 10,
    "sumAvgIndividualCost": 10,
    "sumAvgAllocated": 24,
    "sumAvgProfit": 16,
    "margin": 0.32,
    "negativeCount": 0,
    "negativeShare": 0,
    "loss": 0,
    "meanValue": 48.6,
    "lossMakingPlan": false,
    "settlementInverted": false
   },
   {
    "group": "D",
    "customers": 1,
    "eligible": 1,
    "sumAvgRevenue": 10,
    "sumAvgSettlementCost": 0,
    "sumAvgIndividualCost": 0,
    "sumAvgAllocated": 13,
    "sumAvgProfit": -3,
    "margin": -0.3,
    "negativeCount": 1,
    "negativeShare": 1,
    "loss": -3,
    "meanValue": 13.533333333333333,
    "lossMakingPlan": false,
    "settlementInverted": false
   },
   {
    "group": "不参与评分",
    "customers": 1,
    "eligible": 0,
    "sumAvgRevenue": 30,
    "sumAvgSettlementCost": 0,
    "sumAvgIndividualCost": 0,
    "sumAvgAllocated": 24.5,
    "sumAvgProfit": 5.5,
    "margin": 0.18333333333333332,
    "negativeCount": 0,
    "negativeShare": 0,
    "loss": 0,
    "meanValue": null,
    "lossMakingPlan": false,
    "settlementInverted": false
   }
  ]
 },
 "campaigns": [
  {
   "campaign": "测试活动",
   "participants": 3,
   "evaluated": 0,
   "excluded": 3,
   "costAll": 15,
   "costEvaluated": 0,
   "incrementalProfit": 0,
   "roi": null,
   "negativeBeforeShare": null,
   "startMonths": [
    "2026-02",
    "2026-03"
   ],
   "uplift": null,
   "controlSize": 0,
   "upliftNote": "none_compared",
   "upliftTiers": []
  }
 ],
 "warnings": [
  {
   "code": "allocation.scope_empty",
   "zh": "成本池 R 2026-01：分摊范围 branch=济源 没有匹配的用户，7.00 元未分摊",
   "en": "pool R 2026-01: scope branch=济源 matches nobody; 7.0 left unallocated"
  },
  {
   "code": "allocation.driver_moved",
   "zh": "成本池 S 2026-01：动因 minutes 合计为 0，其权重转入用户数",
   "en": "pool S 2026-01: driver total minutes is 0, weight moved to users"
  }
 ],
 "engineMs": 4.38081800000009
};

export const miniCustomerPage: CustomerPage = {
 "total": 4,
 "offset": 0,
 "rows": [
  {
   "customerId": "001",
   "branch": "郑州",
   "channel": "自有营业厅",
   "brand": "全球通",
   "plan": "X",
   "segment": "商务精英",
   "tenureMonths": 74,
   "eligible": true,
   "reason": "",
   "avgRevenue": 105,
   "avgIndividualCost": 15,
   "avgAllocated": 30,
   "avgProfit": 60,
   "profitScore": 100,
   "credit": 100,
   "loyalty": 100,
   "behaviour": 50,
   "value": 95,
   "tier": "A",
   "negative": false
  },
  {
   "customerId": "002",
   "branch": "周口",
   "channel": "社会渠道",
   "brand": "神州行",
   "plan": "Z",
   "segment": "家庭用户",
   "tenureMonths": 9,
   "eligible": true,
   "reason": "",
   "avgRevenue": 50,
   "avgIndividualCost": 10,
   "avgAllocated": 24,
   "avgProfit": 16,
   "profitScore": 50,
   "credit": 57.5,
   "loyalty": 28.5,
   "behaviour": 50,
   "value": 48.6,
   "tier": "C",
   "negative": false
  },
  {
   "customerId": "003",
   "branch": "郑州",
   "channel": "电子渠道",
   "brand": "动感地带",
   "plan": "W",
   "segment": "年轻学生",
   "tenureMonths": 3,
   "eligible": true,
   "reason": "",
   "avgRevenue": 10,
   "avgIndividualCost": 0,
   "avgAllocated": 13,
   "avgProfit": -3,
   "profitScore": 0,
   "credit": 45.83333333333333,
   "loyalty": 39.5,
   "behaviour": 50,
   "value": 13.533333333333333,
   "tier": "D",
   "negative": true
  },
  {
   "customerId": "004",
   "branch": "郑州",
   "channel": "自有营业厅",
   "brand": "神州行",
   "plan": "W",
   "segment": "年轻学生",
   "tenureMonths": 1,
   "eligible": false,
   "reason": "在网不足3个月",
   "avgRevenue": 30,
   "avgIndividualCost": 0,
   "avgAllocated": 24.5,
   "avgProfit": 5.5,
   "profitScore": null,
   "credit": null,
   "loyalty": null,
   "behaviour": null,
   "value": null,
   "tier": "不参与评分",
   "negative": false
  }
 ],
 "choices": {
  "branch": [
   "周口",
   "郑州"
  ],
  "channel": [
   "电子渠道",
   "社会渠道",
   "自有营业厅"
  ],
  "plan": [
   "W",
   "X",
   "Z"
  ],
  "tier": [
   "A",
   "C",
   "D",
   "不参与评分"
  ]
 }
};

export const miniTrace: CustomerTrace = {
 "customer": {
  "customerId": "003",
  "branch": "郑州",
  "channel": "电子渠道",
  "brand": "动感地带",
  "plan": "W",
  "segment": "年轻学生",
  "tenureMonths": 3,
  "eligible": true,
  "reason": "",
  "avgRevenue": 10,
  "avgIndividualCost": 0,
  "avgAllocated": 13,
  "avgProfit": -3,
  "profitScore": 0,
  "credit": 45.83333333333333,
  "loyalty": 39.5,
  "behaviour": 50,
  "value": 13.533333333333333,
  "tier": "D",
  "negative": true
 },
 "months": [
  {
   "month": "2026-01",
   "inWindow": true,
   "billedRevenue": 20,
   "settlementIncome": 0,
   "revenue": 20,
   "settlementCost": 0,
   "commission": 0,
   "marketingDiscount": 0,
   "handsetSubsidy": 0,
   "pointsCost": 0,
   "individualCost": 0,
   "allocated": 16,
   "pools": [
    {
     "pool": "P",
     "amount": 60,
     "share": 0.16666666666666666,
     "allocated": 10,
     "drivers": [
      {
       "driver": "users",
       "weight": 0.5,
       "x": 1,
       "total": 3
      },
      {
       "driver": "minutes",
       "weight": 0.5,
       "x": 0,
       "total": 300
      }
     ]
    },
    {
     "pool": "S",
     "amount": 6,
     "share": 1,
     "allocated": 6,
     "drivers": [
      {
       "driver": "users",
       "weight": 1,
       "x": 1,
       "total": 1
      }
     ]
    }
   ],
   "profit": 4
  },
  {
   "month": "2026-02",
   "inWindow": true,
   "billedRevenue": 20,
   "settlementIncome": 0,
   "revenue": 20,
   "settlementCost": 0,
   "commission": 0,
   "marketingDiscount": 0,
   "handsetSubsidy": 0,
   "pointsCost": 0,
   "individualCost": 0,
   "allocated": 11.5,
   "pools": [
    {
     "pool": "P",
     "amount": 80,
     "share": 0.125,
     "allocated": 10,
     "drivers": [
      {
       "driver": "users",
       "weight": 0.5,
       "x": 1,
       "total": 4
      },
      {
       "driver": "minutes",
       "weight": 0.5,
       "x": 0,
       "total": 400
      }
     ]
    },
    {
     "pool": "S",
     "amount": 6,
     "share": 0.25,
     "allocated": 1.5,
     "drivers": [
      {
       "driver": "users",
       "weight": 0.5,
       "x": 1,
       "total": 2
      },
      {
       "driver": "minutes",
       "weight": 0.5,
       "x": 0,
       "total": 100
      }
     ]
    }
   ],
   "profit": 8.5
  },
  {
   "month": "2026-03",
   "inWindow": true,
   "billedRevenue": -10,
   "settlementIncome": 0,
   "revenue": -10,
   "settlementCost": 0,
   "commission": 0,
   "marketingDiscount": 0,
   "handsetSubsidy": 0,
   "pointsCost": 0,
   "individualCost": 0,
   "allocated": 11.5,
   "pools": [
    {
     "pool": "P",
     "amount": 80,
     "share": 0.125,
     "allocated": 10,
     "drivers": [
      {
       "driver": "users",
       "weight": 0.5,
       "x": 1,
       "total": 4
      },
      {
       "driver": "minutes",
       "weight": 0.5,
       "x": 0,
       "total": 400
      }
     ]
    },
    {
     "pool": "S",
     "amount": 6,
     "share": 0.25,
     "allocated": 1.5,
     "drivers": [
      {
       "driver": "users",
       "weight": 0.5,
       "x": 1,
       "total": 2
      },
      {
       "driver": "minutes",
       "weight": 0.5,
       "x": 0,
       "total": 100
      }
     ]
    }
   ],
   "profit": -21.5
  }
 ],
 "scores": [
  {
   "name": "profit_score",
   "score": 0,
   "weight": 0.7,
   "inputs": {
    "avg_profit": -3,
    "mode": "auto",
    "breakpoints": "-3→0; 0.8000000000000003→10; 4.6000000000000005→20; 8.4→30; 12.200000000000001→40; 16→50; 24.8→60; 33.6→70; 42.4→80; 51.2→90; 60→100",
    "lower_profit": -3,
    "lower_score": 0,
    "upper_profit": 0.8000000000000003,
    "upper_score": 10,
    "curve_score": 0
   }
  },
  {
   "name": "credit",
   "score": 45.83333333333333,
   "weight": 0.1,
   "inputs": {
    "g1_tenure": 8.333333333333332,
    "g2_spend": 11.11111111111111,
    "g3_suspension_count": 100,
    "g4_suspension_days": 100,
    "tenure_months": 3,
    "tenure_cap": 36,
    "avg_billed_revenue": 10,
    "spend_cap": 90,
    "spend_cap_mode": "auto",
    "avg_suspension_count": 0,
    "suspension_count_cap": 2,
    "avg_suspension_days": 0,
    "suspension_days_cap": 10,
    "w_tenure": 0.3,
    "w_spend": 0.3,
    "w_suspension_count": 0.2,
    "w_suspension_days": 0.2
   }
  },
  {
   "name": "loyalty",
   "score": 39.5,
   "weight": 0.1,
   "inputs": {
    "l1_tenure": 5,
    "l2_services": 25,
    "l3_plan_stability": 100,
    "tenure_months": 3,
    "tenure_cap": 60,
    "services": 1,
    "services_cap": 4,
    "plan_changes": 0,
    "window": 3,
    "w_tenure": 0.4,
    "w_services": 0.3,
    "w_plan_stability": 0.3
   }
  },
  {
   "name": "behaviour",
   "score": 50,
   "weight": 0.1,
   "inputs": {
    "segment": "年轻学生",
    "source": "default",
    "default": 50
   }
  },
  {
   "name": "value",
   "score": 13.533333333333333,
   "weight": null,
   "inputs": {
    "mode": "weights",
    "w_profit": 0.7,
    "w_loyalty": 0.1,
    "w_credit": 0.1,
    "w_behaviour": 0.1,
    "tier": "D",
    "borderline": 0
   }
  }
 ]
};

export const miniComparison: ComparisonView = {
 "a": {
  "runId": "0e9551a5-2",
  "scenario": {
   "name": "mini",
   "month": "2026-03",
   "window": 3,
   "min_tenure": 3,
   "drivers": {
    "default": {
     "users": 0.5,
     "minutes": 0.5,
     "data_mb": 0,
     "sms": 0,
     "revenue": 0
    },
    "pools": {}
   },
   "profit_breakpoints": {
    "mode": "auto"
   },
   "credit": {
    "tenure_cap": 36,
    "spend_cap": "auto",
    "suspension_count_cap": 2,
    "suspension_days_cap": 10,
    "weights": {
     "tenure": 0.3,
     "spend": 0.3,
     "suspension_count": 0.2,
     "suspension_days": 0.2
    }
   },
   "loyalty": {
    "tenure_cap": 60,
    "services_cap": 4,
    "weights": {
     "tenure": 0.4,
     "services": 0.3,
     "plan_stability": 0.3
    }
   },
   "behaviour": {
    "default": 50,
    "table": {}
   },
   "value_weights": {
    "profit": 0.7,
    "loyalty": 0.1,
    "credit": 0.1,
    "behaviour": 0.1
   },
   "value_formula": null,
   "tiers": [
    [
     "A",
     80
    ],
    [
     "B",
     60
    ],
    [
     "C",
     40
    ]
   ],
   "lowest_tier": "D",
   "trend_months": 6,
   "warnings": { "negative_turn": { "enabled": true }, "value_drop": { "enabled": true, "points": 20, "tiers": 2 }, "credit_arrears": { "enabled": true, "credit_below": 40 }, "share_rise": { "enabled": true, "points": 3 }, "plan_flags": { "enabled": true } }
  },
  "month": "2026-03",
  "window": [
   "2026-01",
   "2026-02",
   "2026-03"
  ],
  "kpis": {
   "customers": 4,
   "eligible": 3,
   "negativeCount": 1,
   "loss": -3,
   "totalProfit": 78.5,
   "tiers": [
    {
     "tier": "A",
     "customers": 1
    },
    {
     "tier": "B",
     "customers": 0
    },
    {
     "tier": "C",
     "customers": 1
    },
    {
     "tier": "D",
     "customers": 1
    },
    {
     "tier": "(无分值)",
     "customers": 0
    },
    {
     "tier": "不参与评分",
     "customers": 1
    }
   ]
  },
  "charts": {
   "valueHistogram": {
    "bins": [
     {
      "from": 0,
      "to": 5,
      "count": 0
     },
     {
      "from": 5,
      "to": 10,
      "count": 0
     },
     {
      "from": 10,
      "to": 15,
      "count": 1
     },
     {
      "from": 15,
      "to": 20,
      "count": 0
     },
     {
      "from": 20,
      "to": 25,
      "count": 0
     },
     {
      "from": 25,
      "to": 30,
      "count": 0
     },
     {
      "from": 30,
      "to": 35,
      "count": 0
     },
     {
      "from": 35,
      "to": 40,
      "count": 0
     },
     {
      "from": 40,
      "to": 45,
      "count": 0
     },
     {
      "from": 45,
      "to": 50,
      "count": 1
     },
     {
      "from": 50,
      "to": 55,
      "count": 0
     },
     {
      "from": 55,
      "to": 60,
      "count": 0
     },
     {
      "from": 60,
      "to": 65,
      "count": 0
     },
     {
      "from": 65,
      "to": 70,
      "count": 0
     },
     {
      "from": 70,
      "to": 75,
      "count": 0
     },
     {
      "from": 75,
      "to": 80,
      "count": 0
     },
     {
      "from": 80,
      "to": 85,
      "count": 0
     },
     {
      "from": 85,
      "to": 90,
      "count": 0
     },
     {
      "from": 90,
      "to": 95,
      "count": 0
     },
     {
      "from": 95,
      "to": 100,
      "count": 1
     }
    ],
    "customers": 3
   },
   "tierCounts": [
    {
     "label": "A",
     "kind": "tier",
     "customers": 1
    },
    {
     "label": "B",
     "kind": "tier",
     "customers": 0
    },
    {
     "label": "C",
     "kind": "tier",
     "customers": 1
    },
    {
     "label": "D",
     "kind": "tier",
     "customers": 1
    },
    {
     "label": "不参与评分",
     "kind": "ineligible",
     "customers": 1
    }
   ],
   "profitByPlan": [
    {
     "plan": "X",
     "customers": 1,
     "sumAvgProfit": 60,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "plan": "Z",
     "customers": 1,
     "sumAvgProfit": 16,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "plan": "W",
     "customers": 2,
     "sumAvgProfit": 2.5,
     "lossMakingPlan": false,
     "settlementInverted": false
    }
   ],
   "negativeShareByBranch": [
    {
     "branch": "郑州",
     "customers": 3,
     "negativeCount": 1,
     "negativeShare": 0.3333333333333333
    },
    {
     "branch": "周口",
     "customers": 1,
     "negativeCount": 0,
     "negativeShare": 0
    }
   ],
   "profitCurve": {
    "customers": 4,
    "total": 78.5,
    "peak": [
     75,
     81.5
    ],
    "points": [
     [
      25,
      60
     ],
     [
      50,
      76
     ],
     [
      75,
      81.5
     ],
     [
      100,
      78.5
     ]
    ]
   }
  },
  "aggregates": {
   "plan": [
    {
     "group": "W",
     "customers": 2,
     "eligible": 1,
     "sumAvgRevenue": 40,
     "sumAvgSettlementCost": 0,
     "sumAvgIndividualCost": 0,
     "sumAvgAllocated": 37.5,
     "sumAvgProfit": 2.5,
     "margin": 0.0625,
     "negativeCount": 1,
     "negativeShare": 0.5,
     "loss": -3,
     "meanValue": 13.533333333333333,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "group": "X",
     "customers": 1,
     "eligible": 1,
     "sumAvgRevenue": 105,
     "sumAvgSettlementCost": 5,
     "sumAvgIndividualCost": 15,
     "sumAvgAllocated": 30,
     "sumAvgProfit": 60,
     "margin": 0.5714285714285714,
     "negativeCount": 0,
     "negativeShare": 0,
     "loss": 0,
     "meanValue": 95,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "group": "Z",
     "customers": 1,
     "eligible": 1,
     "sumAvgRevenue": 50,
     "sumAvgSettlementCost": 10,
     "sumAvgIndividualCost": 10,
     "sumAvgAllocated": 24,
     "sumAvgProfit": 16,
     "margin": 0.32,
     "negativeCount": 0,
     "negativeShare": 0,
     "loss": 0,
     "meanValue": 48.6,
     "lossMakingPlan": false,
     "settlementInverted": false
    }
   ],
   "brand": [
    {
     "group": "全球通",
     "customers": 1,
     "eligible": 1,
     "sumAvgRevenue": 105,
     "sumAvgSettlementCost": 5,
     "sumAvgIndividualCost": 15,
     "sumAvgAllocated": 30,
     "sumAvgProfit": 60,
     "margin": 0.5714285714285714,
     "negativeCount": 0,
     "negativeShare": 0,
     "loss": 0,
     "meanValue": 95,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "group": "动感地带",
     "customers": 1,
     "eligible": 1,
     "sumAvgRevenue": 10,
     "sumAvgSettlementCost": 0,
     "sumAvgIndividualCost": 0,
     "sumAvgAllocated": 13,
     "sumAvgProfit": -3,
     "margin": -0.3,
     "negativeCount": 1,
     "negativeShare": 1,
     "loss": -3,
     "meanValue": 13.533333333333333,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "group": "神州行",
     "customers": 2,
     "eligible": 1,
     "sumAvgRevenue": 80,
     "sumAvgSettlementCost": 10,
     "sumAvgIndividualCost": 10,
     "sumAvgAllocated": 48.5,
     "sumAvgProfit": 21.5,
     "margin": 0.26875,
     "negativeCount": 0,
     "negativeShare": 0,
     "loss": 0,
     "meanValue": 48.6,
     "lossMakingPlan": false,
     "settlementInverted": false
    }
   ],
   "branch": [
    {
     "group": "周口",
     "customers": 1,
     "eligible": 1,
     "sumAvgRevenue": 50,
     "sumAvgSettlementCost": 10,
     "sumAvgIndividualCost": 10,
     "sumAvgAllocated": 24,
     "sumAvgProfit": 16,
     "margin": 0.32,
     "negativeCount": 0,
     "negativeShare": 0,
     "loss": 0,
     "meanValue": 48.6,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "group": "郑州",
     "customers": 3,
     "eligible": 2,
     "sumAvgRevenue": 145,
     "sumAvgSettlementCost": 5,
     "sumAvgIndividualCost": 15,
     "sumAvgAllocated": 67.5,
     "sumAvgProfit": 62.5,
     "margin": 0.43103448275862066,
     "negativeCount": 1,
     "negativeShare": 0.3333333333333333,
     "loss": -3,
     "meanValue": 54.266666666666666,
     "lossMakingPlan": false,
     "settlementInverted": false
    }
   ],
   "channel": [
    {
     "group": "电子渠道",
     "customers": 1,
     "eligible": 1,
     "sumAvgRevenue": 10,
     "sumAvgSettlementCost": 0,
     "sumAvgIndividualCost": 0,
     "sumAvgAllocated": 13,
     "sumAvgProfit": -3,
     "margin": -0.3,
     "negativeCount": 1,
     "negativeShare": 1,
     "loss": -3,
     "meanValue": 13.533333333333333,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "group": "社会渠道",
     "customers": 1,
     "eligible": 1,
     "sumAvgRevenue": 50,
     "sumAvgSettlementCost": 10,
     "sumAvgIndividualCost": 10,
     "sumAvgAllocated": 24,
     "sumAvgProfit": 16,
     "margin": 0.32,
     "negativeCount": 0,
     "negativeShare": 0,
     "loss": 0,
     "meanValue": 48.6,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "group": "自有营业厅",
     "customers": 2,
     "eligible": 1,
     "sumAvgRevenue": 135,
     "sumAvgSettlementCost": 5,
     "sumAvgIndividualCost": 15,
     "sumAvgAllocated": 54.5,
     "sumAvgProfit": 65.5,
     "margin": 0.48518518518518516,
     "negativeCount": 0,
     "negativeShare": 0,
     "loss": 0,
     "meanValue": 95,
     "lossMakingPlan": false,
     "settlementInverted": false
    }
   ],
   "segment": [
    {
     "group": "商务精英",
     "customers": 1,
     "eligible": 1,
     "sumAvgRevenue": 105,
     "sumAvgSettlementCost": 5,
     "sumAvgIndividualCost": 15,
     "sumAvgAllocated": 30,
     "sumAvgProfit": 60,
     "margin": 0.5714285714285714,
     "negativeCount": 0,
     "negativeShare": 0,
     "loss": 0,
     "meanValue": 95,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "group": "家庭用户",
     "customers": 1,
     "eligible": 1,
     "sumAvgRevenue": 50,
     "sumAvgSettlementCost": 10,
     "sumAvgIndividualCost": 10,
     "sumAvgAllocated": 24,
     "sumAvgProfit": 16,
     "margin": 0.32,
     "negativeCount": 0,
     "negativeShare": 0,
     "loss": 0,
     "meanValue": 48.6,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "group": "年轻学生",
     "customers": 2,
     "eligible": 1,
     "sumAvgRevenue": 40,
     "sumAvgSettlementCost": 0,
     "sumAvgIndividualCost": 0,
     "sumAvgAllocated": 37.5,
     "sumAvgProfit": 2.5,
     "margin": 0.0625,
     "negativeCount": 1,
     "negativeShare": 0.5,
     "loss": -3,
     "meanValue": 13.533333333333333,
     "lossMakingPlan": false,
     "settlementInverted": false
    }
   ],
   "tier": [
    {
     "group": "A",
     "customers": 1,
     "eligible": 1,
     "sumAvgRevenue": 105,
     "sumAvgSettlementCost": 5,
     "sumAvgIndividualCost": 15,
     "sumAvgAllocated": 30,
     "sumAvgProfit": 60,
     "margin": 0.5714285714285714,
     "negativeCount": 0,
     "negativeShare": 0,
     "loss": 0,
     "meanValue": 95,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "group": "C",
     "customers": 1,
     "eligible": 1,
     "sumAvgRevenue": 50,
     "sumAvgSettlementCost": 10,
     "sumAvgIndividualCost": 10,
     "sumAvgAllocated": 24,
     "sumAvgProfit": 16,
     "margin": 0.32,
     "negativeCount": 0,
     "negativeShare": 0,
     "loss": 0,
     "meanValue": 48.6,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "group": "D",
     "customers": 1,
     "eligible": 1,
     "sumAvgRevenue": 10,
     "sumAvgSettlementCost": 0,
     "sumAvgIndividualCost": 0,
     "sumAvgAllocated": 13,
     "sumAvgProfit": -3,
     "margin": -0.3,
     "negativeCount": 1,
     "negativeShare": 1,
     "loss": -3,
     "meanValue": 13.533333333333333,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "group": "不参与评分",
     "customers": 1,
     "eligible": 0,
     "sumAvgRevenue": 30,
     "sumAvgSettlementCost": 0,
     "sumAvgIndividualCost": 0,
     "sumAvgAllocated": 24.5,
     "sumAvgProfit": 5.5,
     "margin": 0.18333333333333332,
     "negativeCount": 0,
     "negativeShare": 0,
     "loss": 0,
     "meanValue": null,
     "lossMakingPlan": false,
     "settlementInverted": false
    }
   ]
  },
  "campaigns": [
   {
    "campaign": "测试活动",
    "participants": 3,
    "evaluated": 0,
    "excluded": 3,
    "costAll": 15,
    "costEvaluated": 0,
    "incrementalProfit": 0,
    "roi": null,
    "negativeBeforeShare": null,
    "startMonths": [
     "2026-02",
     "2026-03"
    ],
    "uplift": null,
    "controlSize": 0,
    "upliftNote": "none_compared",
    "upliftTiers": []
   }
  ],
  "warnings": [
   {
    "code": "allocation.scope_empty",
    "zh": "成本池 R 2026-01：分摊范围 branch=济源 没有匹配的用户，7.00 元未分摊",
    "en": "pool R 2026-01: scope branch=济源 matches nobody; 7.0 left unallocated"
   },
   {
    "code": "allocation.driver_moved",
    "zh": "成本池 S 2026-01：动因 minutes 合计为 0，其权重转入用户数",
    "en": "pool S 2026-01: driver total minutes is 0, weight moved to users"
   }
  ],
  "engineMs": 0.7762990000001082
 },
 "b": {
  "runId": "0e9551a5-3",
  "scenario": {
   "name": "mini-收入动因",
   "month": "2026-03",
   "window": 3,
   "min_tenure": 3,
   "drivers": {
    "default": {
     "users": 0.2,
     "minutes": 0,
     "data_mb": 0,
     "sms": 0,
     "revenue": 0.8
    },
    "pools": {}
   },
   "profit_breakpoints": {
    "mode": "auto"
   },
   "credit": {
    "tenure_cap": 36,
    "spend_cap": "auto",
    "suspension_count_cap": 2,
    "suspension_days_cap": 10,
    "weights": {
     "tenure": 0.3,
     "spend": 0.3,
     "suspension_count": 0.2,
     "suspension_days": 0.2
    }
   },
   "loyalty": {
    "tenure_cap": 60,
    "services_cap": 4,
    "weights": {
     "tenure": 0.4,
     "services": 0.3,
     "plan_stability": 0.3
    }
   },
   "behaviour": {
    "default": 50,
    "table": {}
   },
   "value_weights": {
    "profit": 0.4,
    "loyalty": 0.2,
    "credit": 0.2,
    "behaviour": 0.2
   },
   "value_formula": null,
   "tiers": [
    [
     "A",
     90
    ],
    [
     "B",
     40
    ],
    [
     "C",
     20
    ]
   ],
   "lowest_tier": "D",
   "trend_months": 6,
   "warnings": { "negative_turn": { "enabled": true }, "value_drop": { "enabled": true, "points": 20, "tiers": 2 }, "credit_arrears": { "enabled": true, "credit_below": 40 }, "share_rise": { "enabled": true, "points": 3 }, "plan_flags": { "enabled": true } }
  },
  "month": "2026-03",
  "window": [
   "2026-01",
   "2026-02",
   "2026-03"
  ],
  "kpis": {
   "customers": 4,
   "eligible": 3,
   "negativeCount": 1,
   "loss": -1.0556862745098048,
   "totalProfit": 80.47555555555554,
   "tiers": [
    {
     "tier": "A",
     "customers": 1
    },
    {
     "tier": "B",
     "customers": 1
    },
    {
     "tier": "C",
     "customers": 1
    },
    {
     "tier": "D",
     "customers": 0
    },
    {
     "tier": "(无分值)",
     "customers": 0
    },
    {
     "tier": "不参与评分",
     "customers": 1
    }
   ]
  },
  "charts": {
   "valueHistogram": {
    "bins": [
     {
      "from": 0,
      "to": 5,
      "count": 0
     },
     {
      "from": 5,
      "to": 10,
      "count": 0
     },
     {
      "from": 10,
      "to": 15,
      "count": 0
     },
     {
      "from": 15,
      "to": 20,
      "count": 0
     },
     {
      "from": 20,
      "to": 25,
      "count": 0
     },
     {
      "from": 25,
      "to": 30,
      "count": 1
     },
     {
      "from": 30,
      "to": 35,
      "count": 0
     },
     {
      "from": 35,
      "to": 40,
      "count": 0
     },
     {
      "from": 40,
      "to": 45,
      "count": 0
     },
     {
      "from": 45,
      "to": 50,
      "count": 1
     },
     {
      "from": 50,
      "to": 55,
      "count": 0
     },
     {
      "from": 55,
      "to": 60,
      "count": 0
     },
     {
      "from": 60,
      "to": 65,
      "count": 0
     },
     {
      "from": 65,
      "to": 70,
      "count": 0
     },
     {
      "from": 70,
      "to": 75,
      "count": 0
     },
     {
      "from": 75,
      "to": 80,
      "count": 0
     },
     {
      "from": 80,
      "to": 85,
      "count": 0
     },
     {
      "from": 85,
      "to": 90,
      "count": 0
     },
     {
      "from": 90,
      "to": 95,
      "count": 1
     },
     {
      "from": 95,
      "to": 100,
      "count": 0
     }
    ],
    "customers": 3
   },
   "tierCounts": [
    {
     "label": "A",
     "kind": "tier",
     "customers": 1
    },
    {
     "label": "B",
     "kind": "tier",
     "customers": 1
    },
    {
     "label": "C",
     "kind": "tier",
     "customers": 1
    },
    {
     "label": "D",
     "kind": "tier",
     "customers": 0
    },
    {
     "label": "不参与评分",
     "kind": "ineligible",
     "customers": 1
    }
   ],
   "profitByPlan": [
    {
     "plan": "X",
     "customers": 1,
     "sumAvgProfit": 54.069716775599126,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "plan": "Z",
     "customers": 1,
     "sumAvgProfit": 16.034858387799563,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "plan": "W",
     "customers": 2,
     "sumAvgProfit": 10.370980392156861,
     "lossMakingPlan": false,
     "settlementInverted": false
    }
   ],
   "negativeShareByBranch": [
    {
     "branch": "郑州",
     "customers": 3,
     "negativeCount": 1,
     "negativeShare": 0.3333333333333333
    },
    {
     "branch": "周口",
     "customers": 1,
     "negativeCount": 0,
     "negativeShare": 0
    }
   ],
   "profitCurve": {
    "customers": 4,
    "total": 80.47555555555554,
    "peak": [
     75,
     81.53124183006535
    ],
    "points": [
     [
      25,
      54.069716775599126
     ],
     [
      50,
      70.10457516339869
     ],
     [
      75,
      81.53124183006535
     ],
     [
      100,
      80.47555555555554
     ]
    ]
   }
  },
  "aggregates": {
   "plan": [
    {
     "group": "W",
     "customers": 2,
     "eligible": 1,
     "sumAvgRevenue": 40,
     "sumAvgSettlementCost": 0,
     "sumAvgIndividualCost": 0,
     "sumAvgAllocated": 29.62901960784314,
     "sumAvgProfit": 10.370980392156861,
     "margin": 0.2592745098039215,
     "negativeCount": 1,
     "negativeShare": 0.5,
     "loss": -1.0556862745098048,
     "meanValue": 27.066666666666666,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "group": "X",
     "customers": 1,
     "eligible": 1,
     "sumAvgRevenue": 105,
     "sumAvgSettlementCost": 5,
     "sumAvgIndividualCost": 15,
     "sumAvgAllocated": 35.930283224400874,
     "sumAvgProfit": 54.069716775599126,
     "margin": 0.5149496835771346,
     "negativeCount": 0,
     "negativeShare": 0,
     "loss": 0,
     "meanValue": 90,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "group": "Z",
     "customers": 1,
     "eligible": 1,
     "sumAvgRevenue": 50,
     "sumAvgSettlementCost": 10,
     "sumAvgIndividualCost": 10,
     "sumAvgAllocated": 23.965141612200437,
     "sumAvgProfit": 16.034858387799563,
     "margin": 0.3206971677559913,
     "negativeCount": 0,
     "negativeShare": 0,
     "loss": 0,
     "meanValue": 47.2,
     "lossMakingPlan": false,
     "settlementInverted": false
    }
   ],
   "brand": [
    {
     "group": "全球通",
     "customers": 1,
     "eligible": 1,
     "sumAvgRevenue": 105,
     "sumAvgSettlementCost": 5,
     "sumAvgIndividualCost": 15,
     "sumAvgAllocated": 35.930283224400874,
     "sumAvgProfit": 54.069716775599126,
     "margin": 0.5149496835771346,
     "negativeCount": 0,
     "negativeShare": 0,
     "loss": 0,
     "meanValue": 90,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "group": "动感地带",
     "customers": 1,
     "eligible": 1,
     "sumAvgRevenue": 10,
     "sumAvgSettlementCost": 0,
     "sumAvgIndividualCost": 0,
     "sumAvgAllocated": 11.055686274509805,
     "sumAvgProfit": -1.0556862745098048,
     "margin": -0.10556862745098047,
     "negativeCount": 1,
     "negativeShare": 1,
     "loss": -1.0556862745098048,
     "meanValue": 27.066666666666666,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "group": "神州行",
     "customers": 2,
     "eligible": 1,
     "sumAvgRevenue": 80,
     "sumAvgSettlementCost": 10,
     "sumAvgIndividualCost": 10,
     "sumAvgAllocated": 42.53847494553377,
     "sumAvgProfit": 27.46152505446623,
     "margin": 0.34326906318082784,
     "negativeCount": 0,
     "negativeShare": 0,
     "loss": 0,
     "meanValue": 47.2,
     "lossMakingPlan": false,
     "settlementInverted": false
    }
   ],
   "branch": [
    {
     "group": "周口",
     "customers": 1,
     "eligible": 1,
     "sumAvgRevenue": 50,
     "sumAvgSettlementCost": 10,
     "sumAvgIndividualCost": 10,
     "sumAvgAllocated": 23.965141612200437,
     "sumAvgProfit": 16.034858387799563,
     "margin": 0.3206971677559913,
     "negativeCount": 0,
     "negativeShare": 0,
     "loss": 0,
     "meanValue": 47.2,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "group": "郑州",
     "customers": 3,
     "eligible": 2,
     "sumAvgRevenue": 145,
     "sumAvgSettlementCost": 5,
     "sumAvgIndividualCost": 15,
     "sumAvgAllocated": 65.55930283224401,
     "sumAvgProfit": 64.44069716775599,
     "margin": 0.4444186011569378,
     "negativeCount": 1,
     "negativeShare": 0.3333333333333333,
     "loss": -1.0556862745098048,
     "meanValue": 58.53333333333333,
     "lossMakingPlan": false,
     "settlementInverted": false
    }
   ],
   "channel": [
    {
     "group": "电子渠道",
     "customers": 1,
     "eligible": 1,
     "sumAvgRevenue": 10,
     "sumAvgSettlementCost": 0,
     "sumAvgIndividualCost": 0,
     "sumAvgAllocated": 11.055686274509805,
     "sumAvgProfit": -1.0556862745098048,
     "margin": -0.10556862745098047,
     "negativeCount": 1,
     "negativeShare": 1,
     "loss": -1.0556862745098048,
     "meanValue": 27.066666666666666,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "group": "社会渠道",
     "customers": 1,
     "eligible": 1,
     "sumAvgRevenue": 50,
     "sumAvgSettlementCost": 10,
     "sumAvgIndividualCost": 10,
     "sumAvgAllocated": 23.965141612200437,
     "sumAvgProfit": 16.034858387799563,
     "margin": 0.3206971677559913,
     "negativeCount": 0,
     "negativeShare": 0,
     "loss": 0,
     "meanValue": 47.2,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "group": "自有营业厅",
     "customers": 2,
     "eligible": 1,
     "sumAvgRevenue": 135,
     "sumAvgSettlementCost": 5,
     "sumAvgIndividualCost": 15,
     "sumAvgAllocated": 54.503616557734205,
     "sumAvgProfit": 65.4963834422658,
     "margin": 0.4851583958686355,
     "negativeCount": 0,
     "negativeShare": 0,
     "loss": 0,
     "meanValue": 90,
     "lossMakingPlan": false,
     "settlementInverted": false
    }
   ],
   "segment": [
    {
     "group": "商务精英",
     "customers": 1,
     "eligible": 1,
     "sumAvgRevenue": 105,
     "sumAvgSettlementCost": 5,
     "sumAvgIndividualCost": 15,
     "sumAvgAllocated": 35.930283224400874,
     "sumAvgProfit": 54.069716775599126,
     "margin": 0.5149496835771346,
     "negativeCount": 0,
     "negativeShare": 0,
     "loss": 0,
     "meanValue": 90,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "group": "家庭用户",
     "customers": 1,
     "eligible": 1,
     "sumAvgRevenue": 50,
     "sumAvgSettlementCost": 10,
     "sumAvgIndividualCost": 10,
     "sumAvgAllocated": 23.965141612200437,
     "sumAvgProfit": 16.034858387799563,
     "margin": 0.3206971677559913,
     "negativeCount": 0,
     "negativeShare": 0,
     "loss": 0,
     "meanValue": 47.2,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "group": "年轻学生",
     "customers": 2,
     "eligible": 1,
     "sumAvgRevenue": 40,
     "sumAvgSettlementCost": 0,
     "sumAvgIndividualCost": 0,
     "sumAvgAllocated": 29.62901960784314,
     "sumAvgProfit": 10.370980392156861,
     "margin": 0.2592745098039215,
     "negativeCount": 1,
     "negativeShare": 0.5,
     "loss": -1.0556862745098048,
     "meanValue": 27.066666666666666,
     "lossMakingPlan": false,
     "settlementInverted": false
    }
   ],
   "tier": [
    {
     "group": "A",
     "customers": 1,
     "eligible": 1,
     "sumAvgRevenue": 105,
     "sumAvgSettlementCost": 5,
     "sumAvgIndividualCost": 15,
     "sumAvgAllocated": 35.930283224400874,
     "sumAvgProfit": 54.069716775599126,
     "margin": 0.5149496835771346,
     "negativeCount": 0,
     "negativeShare": 0,
     "loss": 0,
     "meanValue": 90,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "group": "B",
     "customers": 1,
     "eligible": 1,
     "sumAvgRevenue": 50,
     "sumAvgSettlementCost": 10,
     "sumAvgIndividualCost": 10,
     "sumAvgAllocated": 23.965141612200437,
     "sumAvgProfit": 16.034858387799563,
     "margin": 0.3206971677559913,
     "negativeCount": 0,
     "negativeShare": 0,
     "loss": 0,
     "meanValue": 47.2,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "group": "C",
     "customers": 1,
     "eligible": 1,
     "sumAvgRevenue": 10,
     "sumAvgSettlementCost": 0,
     "sumAvgIndividualCost": 0,
     "sumAvgAllocated": 11.055686274509805,
     "sumAvgProfit": -1.0556862745098048,
     "margin": -0.10556862745098047,
     "negativeCount": 1,
     "negativeShare": 1,
     "loss": -1.0556862745098048,
     "meanValue": 27.066666666666666,
     "lossMakingPlan": false,
     "settlementInverted": false
    },
    {
     "group": "不参与评分",
     "customers": 1,
     "eligible": 0,
     "sumAvgRevenue": 30,
     "sumAvgSettlementCost": 0,
     "sumAvgIndividualCost": 0,
     "sumAvgAllocated": 18.573333333333334,
     "sumAvgProfit": 11.426666666666666,
     "margin": 0.3808888888888889,
     "negativeCount": 0,
     "negativeShare": 0,
     "loss": 0,
     "meanValue": null,
     "lossMakingPlan": false,
     "settlementInverted": false
    }
   ]
  },
  "campaigns": [
   {
    "campaign": "测试活动",
    "participants": 3,
    "evaluated": 0,
    "excluded": 3,
    "costAll": 15,
    "costEvaluated": 0,
    "incrementalProfit": 0,
    "roi": null,
    "negativeBeforeShare": null,
    "startMonths": [
     "2026-02",
     "2026-03"
    ],
    "uplift": null,
    "controlSize": 0,
    "upliftNote": "none_compared",
    "upliftTiers": []
   }
  ],
  "warnings": [
   {
    "code": "allocation.scope_empty",
    "zh": "成本池 R 2026-01：分摊范围 branch=济源 没有匹配的用户，7.00 元未分摊",
    "en": "pool R 2026-01: scope branch=济源 matches nobody; 7.0 left unallocated"
   }
  ],
  "engineMs": 0.5055350000002363
 },
 "tiersA": [
  "A",
  "B",
  "C",
  "D",
  "不参与评分"
 ],
 "tiersB": [
  "A",
  "B",
  "C",
  "D",
  "不参与评分"
 ],
 "migration": [
  [
   1,
   0,
   0,
   0,
   0
  ],
  [
   0,
   0,
   0,
   0,
   0
  ],
  [
   0,
   1,
   0,
   0,
   0
  ],
  [
   0,
   0,
   1,
   0,
   0
  ],
  [
   0,
   0,
   0,
   0,
   1
  ]
 ],
 "negativeCountA": 1,
 "negativeCountB": 1,
 "lossA": -3,
 "lossB": -1.0556862745098048,
 "plans": [
  {
   "group": "W",
   "allocatedA": 37.5,
   "allocatedB": 29.62901960784314,
   "profitA": 2.5,
   "profitB": 10.370980392156861
  },
  {
   "group": "X",
   "allocatedA": 30,
   "allocatedB": 35.930283224400874,
   "profitA": 60,
   "profitB": 54.069716775599126
  },
  {
   "group": "Z",
   "allocatedA": 24,
   "allocatedB": 23.965141612200437,
   "profitA": 16,
   "profitB": 16.034858387799563
  }
 ],
 "branches": [
  {
   "group": "周口",
   "allocatedA": 24,
   "allocatedB": 23.965141612200437,
   "profitA": 16,
   "profitB": 16.034858387799563
  },
  {
   "group": "郑州",
   "allocatedA": 67.5,
   "allocatedB": 65.55930283224401,
   "profitA": 62.5,
   "profitB": 64.44069716775599
  }
 ],
 "tierChanges": [
  {
   "customerId": "003",
   "tierA": "D",
   "tierB": "C",
   "valueA": 13.533333333333333,
   "valueB": 27.066666666666666
  },
  {
   "customerId": "002",
   "tierA": "C",
   "tierB": "B",
   "valueA": 48.6,
   "valueB": 47.2
  }
 ],
 "tierChangeCount": 2
};
