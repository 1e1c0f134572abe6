/**
 * What each audit-log action means, in the words of the office, grouped as the 操作日志 page filters
 * them. Every action name the app writes has a label here (a unit test reads the source to make sure);
 * a name not in the catalog (an older or newer build's) is shown as written.
 */

export interface AuditActionGroup {
  key: string;
  label: string;
  actions: Readonly<Record<string, string>>;
}

export const AUDIT_ACTION_GROUPS: readonly AuditActionGroup[] = [
  {
    key: "auth",
    label: "登录与会话",
    actions: {
      "auth.sign_in": "登录成功",
      "auth.sign_in_failed": "登录失败",
      "auth.sign_in_throttled": "登录被限制（失败次数过多）",
      "auth.sign_out": "退出登录",
      "auth.sessions_ended": "结束全部会话",
      "auth.second_factor_failed": "动态验证码错误",
      "auth.second_factor_enabled": "启用动态验证码",
      "auth.second_factor_disabled": "停用动态验证码",
      "auth.second_factor_reset": "重置动态验证码（管理员）",
      "auth.recovery_code_used": "使用恢复码登录",
      "auth.recovery_codes_regenerated": "重新生成恢复码",
      "auth.refused": "越权访问被拒绝",
    },
  },
  {
    key: "account",
    label: "账号",
    actions: {
      "user.create": "新建账号",
      "user.update": "修改账号",
      "user.disable": "停用账号",
      "user.enable": "启用账号",
      "user.reset_password": "重置密码",
      "user.change_password": "修改本人密码",
      "account.password_change_failed": "修改密码失败（原密码错误）",
      "delivery_preferences.update": "修改消息提醒设置",
    },
  },
  { key: "feedback", label: "意见建议", actions: { "feedback.send": "提交意见建议", "feedback.answer": "答复意见建议" } },
  {
    key: "settings",
    label: "系统设置",
    actions: {
      "settings.update": "修改系统设置",
      "plan.update_schedule": "修改报送设置",
      "period.set_due": "调整某期报送时限",
      "unit.set_sign_off": "设置单位负责人审签",
      "delivery_channel.update": "修改消息渠道",
      "delivery_channel.test": "发送渠道测试消息",
      "delivery.resend": "重新发送消息",
    },
  },
  {
    key: "directory",
    label: "单位与领导",
    actions: {
      "unit.create": "新建单位",
      "unit.update": "修改单位",
      "unit.deactivate": "停用单位",
      "unit.reactivate": "恢复单位",
      "unit.alias_add": "添加单位别名",
      "unit.alias_remove": "删除单位别名",
      "unit.groups_set": "设置单位所属集合",
      "unit.supervising_leader_set": "设置分管领导",
      "group.create": "新建集合单位",
      "group.update": "修改集合单位",
      "group.delete": "删除集合单位",
      "leader.create": "新建责任领导",
      "leader.update": "修改责任领导",
      "leader.deactivate": "停用责任领导",
      "leader.reactivate": "恢复责任领导",
    },
  },
  {
    key: "plan",
    label: "计划与任务",
    actions: {
      "plan.import": "导入分解表",
      "plan.import_preview": "预览导入",
      "plan.import_layout": "保存导入版式",
      "plan.activate": "开始执行分解表",
      "plan.archive": "归档分解表",
      "plan.carry_over": "跨年度结转",
      "demo.seed": "导入演示数据",
      "task.deadline_set": "设置完成时限",
      "task.leaders_set": "设置责任领导",
      "task.leaders_assign": "按单位指定责任领导",
      "task.leaders_assign_all": "为全部单位指定责任领导",
      "task.link": "关联同一事项",
      "task.unlink": "取消关联",
      "item.register": "登记督办事项",
      "item.acknowledge": "签收督办事项",
      "item.remind_acknowledge": "提醒签收督办事项",
      "indicator.confirm": "确认量化指标",
      "indicator.update": "修改量化指标",
      "indicator.add": "添加量化指标",
      "indicator.remove": "删除量化指标",
    },
  },
  {
    key: "report",
    label: "报告",
    actions: {
      "report.save_draft": "保存报告草稿",
      "report.send_for_approval": "报告送单位负责人审签",
      "report.approve": "单位负责人审签通过",
      "report.return_to_filer": "单位负责人退回报告",
      "report.withdraw": "撤回报告",
      "report.submit": "报送报告",
      "report.share": "同一事项共用报告",
      "report.accept": "审核通过报告",
      "report.return": "退回报告",
      "contribution.save_draft": "保存配合单位材料草稿",
      "contribution.submit": "报送配合单位材料",
      "contribution.resubmit": "重新报送配合单位材料",
      "attachment.upload": "上传附件",
      "attachment.remove": "删除附件",
      "extension.request": "申请延期",
      "extension.approve": "同意延期",
      "extension.refuse": "不同意延期",
      "closure.request": "申请办结销号",
      "closure.approve": "同意办结销号",
      "closure.refuse": "不同意办结销号",
    },
  },
  {
    key: "supervision",
    label: "督查与问责",
    actions: {
      "reminder.send": "催办",
      "finding.create": "记录督查发现",
      "finding.delete": "删除督查发现",
      "escalation.reminder": "问责台账：催办",
      "escalation.supervision_letter": "问责台账：督办函",
      "escalation.interview": "问责台账：约谈",
      "escalation.criticism": "问责台账：通报批评",
      "escalation.accountability": "问责台账：问责",
      "escalation.explain": "单位填写情况说明",
      "burden.collect_input": "减负：配合进展改由牵头单位汇总",
      "burden.uncollect_input": "减负：撤销由牵头单位汇总",
      "burden.lower_cadence": "减负：降低报送频次",
      "burden.set_thresholds": "减负：设置负担提醒线",
    },
  },
  {
    key: "notice",
    label: "通报",
    actions: {
      "notice.draft": "起草通报",
      "notice.update_draft": "修改通报草稿",
      "notice.delete_draft": "删除通报草稿",
      "notice.publish": "发布通报",
      "notice.start_correction": "起草更正通报",
      "notice.acknowledge": "签收通报",
      "rectification.save_draft": "保存整改报告草稿",
      "rectification.submit": "报送整改报告",
      "rectification.accept": "整改报告审核通过",
      "rectification.return": "退回整改报告",
    },
  },
  {
    key: "public",
    label: "政务公开",
    actions: {
      "public_summary.submit": "提交公开摘要",
      "public_summary.approve": "审核公开摘要（公开）",
      "public_summary.return": "退回公开摘要",
      "public_view.publish": "发布公开进展页面",
      "public_view.withdraw": "撤回公开进展页面",
    },
  },
  {
    key: "assessment",
    label: "考核",
    actions: {
      "assessment.create": "制定考核方案",
      "assessment.adjust": "调整考核得分",
      "assessment.open": "考核得分征求意见",
      "assessment.object": "提出考核异议",
      "assessment.answer_objection": "答复考核异议",
      "assessment.publish": "发布考核结果",
    },
  },
  {
    key: "leader",
    label: "领导调度",
    actions: {
      "coordination.answer": "批示需协调事项",
      "coordination.reply": "回复需协调事项",
      "coordination.resolve": "需协调事项已解决",
      "dispatch.create": "记录调度",
      "dispatch.update": "修改调度记录",
      "dispatch_follow_up.close": "调度事项办结",
    },
  },
  {
    key: "other",
    label: "消息与导出",
    actions: { "notification.read": "阅读消息", "notification.read_all": "全部消息标为已读", "audit.export": "导出操作日志" },
  },
];

const LABELS: ReadonlyMap<string, string> = new Map(AUDIT_ACTION_GROUPS.flatMap((g) => Object.entries(g.actions)));
const GROUPS: ReadonlyMap<string, AuditActionGroup> = new Map(AUDIT_ACTION_GROUPS.map((g) => [g.key, g]));

/** Every action name in the catalog. */
export function knownAuditActions(): string[] {
  return [...LABELS.keys()];
}

/** The Chinese label of an action; a name outside the catalog is shown as written. */
export function auditActionLabel(action: string): string {
  return LABELS.get(action) ?? action;
}

export function isKnownAuditAction(action: string): boolean {
  return LABELS.has(action);
}

export function auditActionGroup(key: string): AuditActionGroup | undefined {
  return GROUPS.get(key);
}

/** What a record is called (the entity column). */
const ENTITY_LABELS: Readonly<Record<string, string>> = {
  user: "账号",
  unit: "单位",
  unit_group: "集合单位",
  leader: "责任领导",
  plan: "分解表",
  task: "任务",
  task_indicator: "量化指标",
  progress_report: "报告",
  contribution: "配合单位材料",
  attachment: "附件",
  deadline_extension: "延期申请",
  task_closure: "销号申请",
  reminder: "催办",
  finding: "督查发现",
  escalation: "问责台账",
  notice: "通报",
  notice_recipient: "通报签收",
  rectification: "整改报告",
  task_public_summary: "公开摘要",
  public_view: "公开进展页面",
  assessment: "考核",
  assessment_adjustment: "考核得分调整",
  assessment_objection: "考核异议",
  coordination_request: "需协调事项",
  dispatch: "调度记录",
  dispatch_follow_up: "调度事项",
  notification: "消息",
  feedback: "意见建议",
  import_draft: "导入草稿",
  import_layout: "导入版式",
  action: "操作",
  route: "接口",
  settings: "系统设置",
  delivery_channel: "消息渠道",
  outbox_message: "发送记录",
  audit_log: "操作日志",
  session: "会话",
};

export function auditEntityLabel(entity: string): string {
  return ENTITY_LABELS[entity] ?? entity;
}
