import type { Kind } from '@mwsguard/core';
import type { Explanation, ExplanationTexts } from './types.js';

const TYPE_B =
  '正确的做法（MWS 的“B 类”授权）：卖家在卖家平台（Seller Central）> 设置 > 用户权限 > 授权开发者中授权你的开发者 ID，只向你提供其卖家 ID（即 Merchant Token）以及亚马逊向其显示的 MWS 授权令牌（MWS Auth Token）。你用自己的开发者密钥签名每一次调用，并在请求中加上 SellerId 和 MWSAuthToken。卖家可以随时撤销授权，而无需改动自己的密钥；每一次调用也都能追溯到你的开发者账户。';

const SP_API_LWA =
  'SP-API 是 MWS 的继任者，完全不使用共享密钥：卖家通过 Login with Amazon（LWA）授权你的应用，你用授权码为每个卖家换取一个刷新令牌；每次调用都携带一个短期有效的 LWA 访问令牌，该令牌由你用 LWA 客户端 ID 和客户端密钥凭该刷新令牌换取。';

const EXPLANATIONS: Readonly<Record<Kind, Explanation>> = {
  'access-key-id': {
    kind: 'access-key-id',
    what: 'AWS 格式密钥对中公开的那一半（AKIA… 为长期密钥，ASIA… 为临时密钥，也可能是旧式的 20 位 MWS 密钥 ID）。MWS 的每个请求都用开发者密钥对签名，访问密钥 ID 以 AWSAccessKeyId 参数随请求发送。',
    why: '单独来看，这个 ID 只表明请求是用谁的密钥签名的，但它很少被单独提交：与之配对的 40 位秘密密钥通常就在几行之外、在同一次提交中，或在提交历史里。两者合在一起，任何人都能以你的身份签名 MWS 请求，且对所有授权了你开发者账户的卖家都有效。密钥一旦进入 git，即使删掉那一行，也仍会留在每一个克隆和 fork 中。',
    rotate: [
      '按密钥对已泄露处理。在该密钥所属的账户中（IAM，或 MWS 开发者凭证页面）创建新的访问密钥并完成部署，然后停用并删除旧密钥。',
      '检查账户活动（IAM 密钥查看 CloudTrail，另查看你的 MWS 请求日志），排查是否有并非由你发起的调用。',
      '从代码中删除该密钥，改为在运行时从环境变量或密钥管理服务中加载。改写 git 历史（git filter-repo）只能限制进一步扩散，无法撤回已经发生的泄露。',
      '如果该密钥属于卖家而不是你，请停止使用，并请卖家轮换该密钥：你本就不应持有它（参见 shared-credentials）。',
    ],
    pattern: TYPE_B,
    spApi: `${SP_API_LWA}使用 IAM 凭证注册的应用会以 IAM 角色签名请求：请把该角色的密钥保存在密钥管理服务中，切勿写进代码。`,
  },
  'secret-key': {
    kind: 'secret-key',
    what: 'AWS/MWS 密钥对中私密的那一半：一个 40 位的秘密访问密钥，出现在对应的访问密钥 ID 旁边，或被赋给一个表示秘密密钥的名称。',
    why: '任何能读到它的人都能以你的身份签名请求。对 MWS 而言，这意味着可以针对所有授权了你开发者账户的卖家读取订单、买家地址和报告，并提交 Feed（价格、库存、商品信息）。它无法按调用方单独撤销，唯一的补救办法是轮换。',
    rotate: [
      '立即轮换密钥对：创建新的秘密密钥并完成部署，然后停用并删除旧的密钥对。',
      '检查账户活动中是否有并非由你发起的请求；如果数据已被读取，请告知受影响的卖家。',
      '把新密钥保存在密钥管理服务中，或保存在部署时注入的环境变量中；切勿提交它，测试代码或示例配置中也不行。',
      '如果这是卖家的秘密密钥，你根本就不应持有它：请卖家轮换该密钥，并改用下文的授权流程。',
    ],
    pattern: TYPE_B,
    spApi: SP_API_LWA,
  },
  'mws-auth-token': {
    kind: 'mws-auth-token',
    what: 'MWS 授权令牌（MWS Auth Token，amzn.mws.<uuid>）：卖家授权某个开发者账户代表自己调用 MWS 时，交给该开发者的令牌。',
    why: '与签发时所对应的开发者密钥配合使用，该令牌可以让 MWS 调用操作该卖家的账户。它出现在代码或配置中，也说明按卖家区分的数据被当作源代码来处理了：它应当与卖家 ID 一起保存在你的数据库或密钥管理服务中，每个卖家一条。',
    rotate: [
      '请卖家在卖家平台 > 设置 > 用户权限中撤销该授权，再重新授权你的开发者 ID；亚马逊会签发新的令牌。',
      '将新令牌与卖家 ID 一起保存在数据库（加密存储）或密钥管理服务中，以卖家为键，并在运行时读取。',
      '从代码中删除旧令牌；请记住，它仍会留在 git 历史中。',
    ],
    pattern: `${TYPE_B}令牌每年都必须续期，请在数据模型中为此做好规划。`,
    spApi: `${SP_API_LWA}每个卖家的刷新令牌取代了 MWS 授权令牌。`,
  },
  'lwa-client-secret': {
    kind: 'lwa-client-secret',
    what: 'Login with Amazon（LWA）客户端密钥（amzn1.oa2-cs.v1.…）：即你的 SP-API 应用的密码。',
    why: '配合客户端 ID 和某个卖家的刷新令牌，它可以为该卖家生成访问令牌；仅配合客户端 ID，它就能在 OAuth 流程中冒充你的应用。其影响范围覆盖所有授权了该应用的卖家。',
    rotate: [
      '在卖家平台 > 开发应用（开发者中心）中轮换客户端密钥：生成新密钥并完成部署，然后停用旧密钥。亚马逊还会每 180 天让客户端密钥过期一次，因此请把这一流程自动化。',
      '把客户端密钥保存在密钥管理服务中，在运行时注入。',
      '从代码中删除它，并将 git 历史视为已泄露。',
    ],
    pattern:
      '正确模式在 MWS 中的对应做法：你自己的开发者密钥集中保存在一个安全的地方，每个卖家只向你提供其卖家 ID 和 MWS 授权令牌（MWS Auth Token）。SP-API 同理：只有一个应用密钥并妥善保密，各卖家的授权则作为数据保存。',
    spApi: SP_API_LWA,
  },
  'lwa-refresh-token': {
    kind: 'lwa-refresh-token',
    what: 'Login with Amazon（LWA）刷新令牌（Atzr|…），代表某一个卖家对你的 SP-API 应用的授权。',
    why: '配合你的客户端 ID 和客户端密钥，刷新令牌可以无限期地为该卖家的账户换取访问令牌，直到卖家撤销对该应用的授权为止。',
    rotate: [
      '请卖家在卖家平台 > 设置 > 用户权限（管理您的应用）中撤销你的应用，再重新授权；按卖家加密保存新的刷新令牌。',
      '切勿把令牌写入日志或保存在测试 fixture 中；在日志中应将其脱敏为 Atzr|**** 的形式。',
    ],
    pattern:
      '在 MWS 中，同样的思路就是卖家 ID + MWS 授权令牌模式：各卖家的授权是数据，按卖家加密保存、可由卖家撤销，绝不能写在代码里。',
    spApi: SP_API_LWA,
  },
  'lwa-access-token': {
    kind: 'lwa-access-token',
    what: 'Login with Amazon（LWA）访问令牌（Atza|…）：代表某一个卖家调用 SP-API 的持有者令牌，有效期为一小时。',
    why: '在过期之前，它无需任何其他机密信息即可立即访问该卖家的账户；记录下它的日志、录制文件和测试 fixture 会让任何能读到仓库的人都能看到它。',
    rotate: [
      '它会在一小时内过期，但仍请将其删除，并找出记录下它的日志、录制文件或测试 fixture。',
      '如果它仍然有效，请在卖家平台中撤销应用授权（这也会使其背后的刷新令牌失效），然后重新授权。',
      '切勿把令牌写入日志或保存在测试 fixture 中；在日志中应将其脱敏为 Atza|**** 的形式。',
    ],
    pattern: '请在运行时用卖家的刷新令牌获取访问令牌，且只保存在内存中；各卖家的授权是数据，绝不能写在代码里。',
    spApi: SP_API_LWA,
  },
  'shared-credentials': {
    kind: 'shared-credentials',
    what: '这不是某个具体的值，而是一种设计：某条记录、某个表单、配置或请求保存或使用了每个卖家自己的 MWS 访问密钥 ID 和秘密密钥（MWS 的“A 类”授权）。',
    why: '亚马逊的条款对双方都禁止这种做法：卖家不得分享自己的密钥，开发者也不得索要；亚马逊曾重置过以这种方式运行的应用的密钥。一旦你的数据库泄露，每个卖家账户的完整访问权限都会随之泄露；卖家若不轮换自己的密钥，就无法撤销你的访问权限；调用也无法追溯到发起它的集成商。',
    rotate: [
      '停止收集卖家的密钥：从表单、DTO 和数据表中删除相关字段。',
      '请你所持有密钥的每一个卖家轮换其密钥，然后删除已保存的密钥（包括备份）。',
      '将每个卖家迁移为授权你的开发者 ID 的方式，只保存其卖家 ID 和 MWS 授权令牌。',
    ],
    pattern: TYPE_B,
    spApi: SP_API_LWA,
  },
};

/** Simplified Chinese (`--locale zh-CN`, `MWSGUARD_LOCALE=zh-CN`): a translation of `EN` (en.ts), in the terms of core's zh-CN messages. */
export const ZH_CN: ExplanationTexts = {
  explanations: EXPLANATIONS,
  titles: {
    'access-key-id': '访问密钥 ID',
    'secret-key': '秘密密钥',
    'mws-auth-token': 'MWS 授权令牌',
    'lwa-client-secret': 'Login with Amazon 客户端密钥',
    'lwa-refresh-token': 'Login with Amazon 刷新令牌',
    'lwa-access-token': 'Login with Amazon 访问令牌',
    'shared-credentials': '卖家共享凭证',
  },
  descriptions: {
    'access-key-id': '硬编码的 AWS/MWS 访问密钥 ID（AKIA/ASIA/ABIA/ACCA，或旧式的 20 位 MWS 密钥 ID）。',
    'secret-key': '硬编码的 40 位 AWS/MWS 秘密密钥。',
    'mws-auth-token': '硬编码的 MWS 授权令牌（amzn.mws.<uuid>）。',
    'lwa-client-secret': '硬编码的 SP-API Login with Amazon（LWA）客户端密钥。',
    'lwa-refresh-token': '硬编码的 SP-API Login with Amazon 刷新令牌（Atzr|）。',
    'lwa-access-token': '硬编码的 SP-API Login with Amazon 访问令牌（Atza|）：短期有效，但一小时内仍可使用。',
    'shared-credentials': '按卖家保存或使用卖家自己的访问密钥/秘密密钥（A 类），而不是采用卖家 ID + MWS 授权令牌模式。',
  },
  headings: {
    what: '泄露了什么',
    why: '有何风险',
    rotate: '如何轮换或撤销',
    pattern: '改用卖家 ID + MWS 授权令牌模式',
    spApi: 'SP-API 中的对应做法',
    headingEnd: '：',
    more: '更多：',
    fullDocumentation: '完整文档',
    defaultSeverity: '（默认严重级别：{{ severity }}）',
    usage: '用法：mwsguard explain <kind|ruleId>',
    kinds: '类型：',
  },
};
