<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AbnormalPanel</name>
    <message>
        <location filename="../../hall_client/gui/supervision/abnormal.py" line="24" />
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/abnormal.py" line="31" />
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/abnormal.py" line="32" />
        <source>受理编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/abnormal.py" line="33" />
        <source>事项</source>
        <translation>Service item</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/abnormal.py" line="34" />
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/abnormal.py" line="35" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/abnormal.py" line="36" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/abnormal.py" line="48" />
        <source>本机尚未登录中心服务器</source>
        <translation>This counter is not signed in to the central server</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/abnormal.py" line="57" />
        <source>异常 {n} 条，涉及 {cases} 件</source>
        <translation>{n} flags on {cases} cases</translation>
    </message>
</context>
<context>
    <name>AddPersonDialog</name>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="68" />
        <source>小写字母开头，如 wangjing</source>
        <translation>starts with a lowercase letter, e.g. wangjing</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="73" />
        <source>用户名：</source>
        <translation>Username:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="74" />
        <source>姓名：</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="75" />
        <source>初始密码（至少 8 位）：</source>
        <translation>Initial password (at least 8 characters):</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="76" />
        <source>再次输入密码：</source>
        <translation>Repeat the password:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="88" />
        <source>用户名须以小写字母开头，由 2–32 位小写字母、数字、_ . - 组成</source>
        <translation>A username starts with a lowercase letter and has 2–32 lowercase letters, digits, _ . or -</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="90" />
        <source>请填写姓名</source>
        <translation>Enter the full name</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="92" />
        <source>密码至少 {n} 位</source>
        <translation>The password needs at least {n} characters</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="94" />
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="96" />
        <source>至少选择一个角色</source>
        <translation>Choose at least one role</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="77" />
        <source>角色：</source>
        <translation>Roles:</translation>
    </message>
</context>
<context>
    <name>AdminWorkspace</name>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="245" />
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="244" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="63" />
        <source>添加人员</source>
        <translation>Add person</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="64" />
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="114" />
        <source>重置密码 — {name}</source>
        <translation>Reset password — {name}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="150" />
        <source>修改角色 — {name}</source>
        <translation>Change roles — {name}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="246" />
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="248" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="255" />
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="258" />
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="261" />
        <source>修改角色…</source>
        <translation>Change roles…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="264" />
        <location filename="../../hall_client/gui/workspaces.py" line="317" />
        <location filename="../../hall_client/gui/workspaces.py" line="319" />
        <source>停用…</source>
        <translation>Disable…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="280" />
        <source>事项目录：导入 JSON 或 Excel 文件，先预览再确认；有任何错误则不导入；修改过的事项生成新版本</source>
        <translation>Service catalog: import a JSON or Excel file, previewed before you confirm; nothing is imported if anything is wrong; changed items get a new version</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="302" />
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="304" />
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="305" />
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="315" />
        <location filename="../../hall_client/gui/workspaces.py" line="376" />
        <location filename="../../hall_client/gui/workspaces.py" line="390" />
        <location filename="../../hall_client/gui/workspaces.py" line="403" />
        <source>请先在列表中选择一个人</source>
        <translation>Select a person in the list first</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="319" />
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="322" />
        <source>所选账号没有被锁定</source>
        <translation>The selected account is not locked</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="325" />
        <source>不能停用自己的账号</source>
        <translation>You cannot disable your own account</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="348" />
        <source>已添加 {name}</source>
        <translation>Added {name}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="360" />
        <source>请先在列表中选择要解锁的人</source>
        <translation>Select the person to unlock in the list first</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="370" />
        <source>已解锁 {name}</source>
        <translation>Unlocked {name}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="383" />
        <source>已为 {name} 设置临时密码</source>
        <translation>Temporary password set for {name}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="396" />
        <source>已修改 {name} 的角色</source>
        <translation>Roles of {name} changed</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="408" />
        <source>停用账号</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="409" />
        <source>停用后 {name}（{user}）不能再登录本窗口；其办理记录保留。需要时可再启用。</source>
        <translation>{name} ({user}) will no longer be able to sign in at this counter; their records stay. You can enable the account again later.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="411" />
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="419" />
        <source>已启用 {name}</source>
        <translation>Enabled {name}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="419" />
        <source>已停用 {name}</source>
        <translation>Disabled {name}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="444" />
        <source>正在校验 {file}…</source>
        <translation>Checking {file}…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="454" />
        <source>{file}：发现 {n} 处问题，未导入任何内容</source>
        <translation>{file}: {n} problem(s) found, nothing imported</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="461" />
        <source>将新增 {added} 项、为 {updated} 项生成新版本。已受理的案件仍按原版本办理；导入后不能撤销。</source>
        <translation>This adds {added} item(s) and creates a new version of {updated} item(s). Cases already accepted keep their version. An import cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="464" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="477" />
        <source>{file}：导入完成，新增 {added} 项，更新 {updated} 项（新版本），未变 {same} 项</source>
        <translation>{file}: imported — {added} new, {updated} updated (new version), {same} unchanged</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="252" />
        <source>添加人员…</source>
        <translation>Add person…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="269" />
        <source>导入事项目录…</source>
        <translation>Import catalog…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="271" />
        <source>导出事项目录…</source>
        <translation>Export catalog…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="274" />
        <source>本窗口的人员与角色</source>
        <translation>Staff and roles at this counter</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="423" />
        <location filename="../../hall_client/gui/workspaces.py" line="460" />
        <source>导入事项目录</source>
        <translation>Import catalog</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="424" />
        <source>事项目录 (*.json *.xlsx)</source>
        <translation>Catalog (*.json *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="429" />
        <source>导出事项目录</source>
        <translation>Export catalog</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="430" />
        <source>Excel 工作簿 (*.xlsx);;JSON (*.json)</source>
        <translation>Excel workbook (*.xlsx);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="490" />
        <source>……另有 {n} 处问题</source>
        <translation>… and {n} more problems</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="491" />
        <source>未导入任何内容：</source>
        <translation>Nothing was imported:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="502" />
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="449" />
        <source>退款</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="449" />
        <source>作废收款</source>
        <translation>Void payment</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="451" />
        <source>{payer}　{case}　实收 {total}　已退 {refunded}　票据 {receipts}</source>
        <translation>{payer} · {case} · paid {total} · refunded {refunded} · receipts {receipts}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="466" />
        <source>不按原路退回时由批准人填写</source>
        <translation>Filled in by the approver when not refunding the way it came</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="468" />
        <source>退款金额（元）：</source>
        <translation>Refund amount (yuan):</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="469" />
        <source>退款方式：</source>
        <translation>Refund method:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="470" />
        <source>银行流水号：</source>
        <translation>Bank reference:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="471" />
        <source>改变退款方式的理由：</source>
        <translation>Reason for refunding another way:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="474" />
        <source>原因：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="476" />
        <source>批准人（值班主任）用户名：</source>
        <translation>Approving supervisor (username):</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="476" />
        <source>批准人密码：</source>
        <translation>Supervisor password:</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="53" />
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="54" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="55" />
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="57" />
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="58" />
        <source>窗口</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="59" />
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="60" />
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="61" />
        <source>变更</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="61" />
        <source>前：{before}
后：{after}</source>
        <translation>Before: {before}
After: {after}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="67" />
        <source>姓名或用户名</source>
        <translation>Name or user name</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="69" />
        <source>如 payment、rating</source>
        <translation>e.g. payment, rating</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="71" />
        <source>对象类型或编号</source>
        <translation>Object type or id</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="73" />
        <source>按时间</source>
        <translation>By time</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="79" />
        <source>查询 (Enter)</source>
        <translation>Search (Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="84" />
        <source>校验审计链 (F8)</source>
        <translation>Verify audit chain (F8)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="87" />
        <source>导出 xlsx (Ctrl+E)</source>
        <translation>Export xlsx (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="90" />
        <source>人员：</source>
        <translation>Person:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="92" />
        <source>操作：</source>
        <translation>Action:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="94" />
        <source>对象：</source>
        <translation>Object:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="99" />
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="108" />
        <source>痕迹管理：所有操作的审计记录（只增不改，哈希链防篡改）</source>
        <translation>Audit trail: every action recorded (append-only, hash-chained against tampering)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="133" />
        <source>结束日期早于开始日期</source>
        <translation>The end date is before the start date</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="147" />
        <source>找到 {n} 条记录</source>
        <translation>{n} entries found</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="151" />
        <source>正在校验…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="166" />
        <source>导出审计记录</source>
        <translation>Export audit entries</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="175" />
        <source>审计记录</source>
        <translation>Audit entries</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="176" />
        <source>已导出 {n} 条到 {path}</source>
        <translation>Exported {n} entries to {path}</translation>
    </message>
</context>
<context>
    <name>BoardPanel</name>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="44" />
        <source>预警</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="45" />
        <source>受理编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="46" />
        <location filename="../../hall_client/gui/supervision/board.py" line="88" />
        <source>事项</source>
        <translation>Service item</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="47" />
        <location filename="../../hall_client/gui/supervision/board.py" line="88" />
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="48" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="49" />
        <source>在办环节</source>
        <translation>Open steps</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="50" />
        <source>环节到期</source>
        <translation>Step due</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="51" />
        <source>承诺办结日</source>
        <translation>Promised date</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="51" />
        <source>未定</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="52" />
        <source>剩余工作日</source>
        <translation>Working days left</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="53" />
        <location filename="../../hall_client/gui/supervision/board.py" line="89" />
        <source>经办人</source>
        <translation>Handlers</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="54" />
        <location filename="../../hall_client/gui/supervision/board.py" line="89" />
        <source>窗口</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="55" />
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="93" />
        <location filename="../../hall_client/gui/supervision/board.py" line="172" />
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="99" />
        <source>查找受理编号、项目…</source>
        <translation>Find case number, project…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="102" />
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="104" />
        <source>催办 (F6)</source>
        <translation>Urge (F6)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="107" />
        <source>办理历史 (F7)</source>
        <translation>History (F7)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="199" />
        <source>在办 {n} 件：红牌 {red} 件，黄牌 {yellow} 件</source>
        <translation>{n} open cases: {red} red, {yellow} yellow</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="216" />
        <source>本机尚未登录中心服务器，看板无法取数</source>
        <translation>This counter is not signed in to the central server; the board cannot load</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="220" />
        <source>离线：显示的是 {time} 的数据（连不上中心服务器），恢复连接后自动刷新</source>
        <translation>Offline: showing the data of {time} (central server unreachable); refreshes by itself when the link is back</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="225" />
        <source>无法取得看板数据：{why}</source>
        <translation>Could not load the board: {why}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="228" />
        <source>已更新 {time}，每 30 秒自动刷新</source>
        <translation>Updated {time}; refreshes every 30 seconds</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="232" />
        <source>正在从中心服务器取数…</source>
        <translation>Loading from the central server…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="245" />
        <source>请先在表中选中要催办的受理件</source>
        <translation>Select the case to urge in the table first</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="254" />
        <source>请先在表中选中受理件</source>
        <translation>Select a case in the table first</translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="260" />
        <source>按受理号、申请人、证件号码或事项查找（Ctrl+F）</source>
        <translation>Search by case number, applicant, ID number or item (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="263" />
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="268" />
        <source>仅今日</source>
        <translation>Today only</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="270" />
        <source>仅临期/超期</source>
        <translation>Due soon / overdue only</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="272" />
        <source>承诺办结不晚于</source>
        <translation>Promised by at latest</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="278" />
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="306" />
        <location filename="../../hall_client/gui/intake/case_list.py" line="396" />
        <source>重打通知书</source>
        <translation>Reprint notice</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="309" />
        <location filename="../../hall_client/gui/intake/case_list.py" line="418" />
        <source>补正后重新受理</source>
        <translation>Re-open after correction</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="311" />
        <source>只有“待补正”的受理件可以重新受理</source>
        <translation>Only a case awaiting correction can be re-opened</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="331" />
        <source>黄色：一个工作日内到期；红色：已超过承诺办结日期</source>
        <translation>Yellow: due within one working day; red: past the promised date</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="367" />
        <source>{shown} / {total} 件</source>
        <extracomment>set by the main window: prints a notice (the intake workspace's printer)</extracomment>
        <translation>{shown} / {total} cases</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="397" />
        <source>重打 {title} {number}：重打件标注“重打”，并记入审计。</source>
        <translation>Reprint {title} {number}: the copy is marked “reprint” and the reprint is audited.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="399" />
        <source>重打</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="414" />
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="414" />
        <source>待补正</source>
        <translation>Awaiting correction</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="414" />
        <location filename="../../hall_client/gui/intake/case_list.py" line="417" />
        <source>不予受理</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="415" />
        <source>已收</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="415" />
        <source>未交</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="415" />
        <source>不符合要求</source>
        <translation>Not conforming</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="416" />
        <source>容缺后补</source>
        <translation>Deferred (容缺)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="417" />
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="417" />
        <source>通知补正</source>
        <translation>Correction requested</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="422" />
        <source>第 {v} 版</source>
        <translation>version {v}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="423" />
        <source>申请人：{name}　{id_type} {id_number}</source>
        <translation>Applicant: {name}  {id_type} {id_number}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="427" />
        <source>联系电话：{phone}　联系人：{contact}</source>
        <translation>Phone: {phone}  Contact: {contact}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="430" />
        <source>项目：{name}</source>
        <translation>Project: {name}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="432" />
        <source>暂无法确定</source>
        <translation>not yet known</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="433" />
        <source>受理日期：{day}　承诺办结：&lt;b&gt;{due}&lt;/b&gt;</source>
        <translation>Accepted on {day}  promised by &lt;b&gt;{due}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="436" />
        <source>查询码：{code}</source>
        <translation>Query code: {code}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="438" />
        <source>理由：{reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="439" />
        <source>材料</source>
        <translation>Material</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="445" />
        <source>页面：{n} 页</source>
        <translation>Pages: {n}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="447" />
        <source>收费</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="450" />
        <source>应收 &lt;b&gt;{total}&lt;/b&gt;（{lines}）</source>
        <translation>Due &lt;b&gt;{total}&lt;/b&gt; ({lines})</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="452" />
        <source>通知书</source>
        <translation>Notices</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="454" />
        <source>（重打 {n} 次）</source>
        <translation> (reprinted {n} times)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="456" />
        <source>办理记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="463" />
        <source>中心服务器：{status}</source>
        <translation>Central server: {status}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="472" />
        <source>未能同步：{reason}</source>
        <translation>Not synced: {reason}</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="124" />
        <source>受理号</source>
        <extracomment>case id → kind of the server notice waiting for the clerk (approval, return, …)</extracomment>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="124" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="124" />
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="124" />
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="125" />
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="125" />
        <source>登记日期</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="125" />
        <source>承诺办结</source>
        <translation>Promised date</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="126" />
        <source>预警</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="127" />
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="127" />
        <source>待补正</source>
        <translation>Awaiting correction</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="128" />
        <source>不予受理</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="129" />
        <source>正常</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="129" />
        <source>临期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="130" />
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/case_list.py" line="130" />
        <source>日期待定</source>
        <translation>Date pending</translation>
    </message>
</context>
<context>
    <name>CashierReports</name>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="74" />
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="74" />
        <source>收费项目编码</source>
        <translation>Fee code</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="75" />
        <source>收费项目</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="75" />
        <source>笔数</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="76" />
        <location filename="../../hall_client/gui/cashier/reports.py" line="102" />
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="80" />
        <source>退款 {refunds} 元；实收合计 {total} 元；已打印票据 {printed} 张，作废 {spoiled} 张</source>
        <translation>Refunds {refunds} yuan; net total {total} yuan; receipts printed {printed}, spoiled {spoiled}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="85" />
        <source>月汇总 {year}年{month}月</source>
        <translation>Monthly summary {year}-{month}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="87" />
        <source>月汇总</source>
        <translation>Monthly summary</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="90" />
        <source>收费员</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="91" />
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="91" />
        <source>收款笔数</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="92" />
        <source>作废笔数</source>
        <translation>Voided</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="92" />
        <source>退款金额</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="93" />
        <source>已打印票据</source>
        <translation>Receipts printed</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="93" />
        <source>作废票据</source>
        <translation>Receipts spoiled</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="94" />
        <source>现金差异</source>
        <translation>Cash difference</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="96" />
        <source>日结清</source>
        <translation>Daily settlement</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="96" />
        <source>周对账</source>
        <translation>Weekly reconciliation</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="101" />
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="101" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="102" />
        <source>流水号</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="103" />
        <source>缴款人</source>
        <translation>Payer</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="104" />
        <source>已对上</source>
        <translation>Matched</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="106" />
        <source>银行有、本机无</source>
        <translation>Bank only</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="108" />
        <source>本机有、银行无</source>
        <translation>Ours only</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="110" />
        <source>银行对账</source>
        <translation>Bank match</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="111" />
        <source>银行流水 {n} 笔：对上 {ok} 笔，银行有本机无 {bank} 笔，本机有银行无 {ours} 笔</source>
        <translation>{n} bank lines: {ok} matched, {bank} bank only, {ours} ours only</translation>
    </message>
</context>
<context>
    <name>CashierReportsPanel</name>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="131" />
        <source>日结清</source>
        <translation>Daily settlement</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="131" />
        <source>周对账</source>
        <translation>Weekly reconciliation</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="131" />
        <source>月汇总</source>
        <translation>Monthly summary</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="138" />
        <source>银行流水 CSV…</source>
        <translation>Bank statement CSV…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="141" />
        <source>生成报表 (Enter)</source>
        <translation>Run report (Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="144" />
        <source>导出 xlsx (Ctrl+E)</source>
        <translation>Export xlsx (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="146" />
        <source>打印 A4 (Ctrl+P)</source>
        <translation>Print A4 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="149" />
        <source>报表：</source>
        <translation>Report:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="151" />
        <source>日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="194" />
        <source>选择银行流水</source>
        <translation>Choose bank statement</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="211" />
        <source>正在生成…</source>
        <translation>Running…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="225" />
        <source>共 {n} 行</source>
        <translation>{n} rows</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="229" />
        <source>请先生成报表，再导出</source>
        <translation>Run the report first, then export</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="232" />
        <source>导出报表</source>
        <translation>Export report</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="239" />
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="244" />
        <source>请先生成报表，再打印</source>
        <translation>Run the report first, then print</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="252" />
        <source>已打印 {n} 页</source>
        <translation>Printed {n} pages</translation>
    </message>
</context>
<context>
    <name>CashierWorkspace</name>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="503" />
        <location filename="../../hall_client/gui/cashier_workspace.py" line="576" />
        <source>办件编号</source>
        <extracomment>receipts this workspace is printing right now: not "unconfirmed" while in flight</extracomment>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="504" />
        <location filename="../../hall_client/gui/cashier_workspace.py" line="577" />
        <source>交款人</source>
        <translation>Payer</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="505" />
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="506" />
        <source>应收金额</source>
        <translation>Amount due</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="515" />
        <source>收款后在此预览票据（与打印完全一致）</source>
        <translation>After payment the receipt is previewed here (exactly as printed)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="529" />
        <source>盲点</source>
        <translation>Blind count</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="530" />
        <source>收款(&amp;P) F2</source>
        <translation>&amp;Pay  F2</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="571" />
        <source>收款</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="574" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="575" />
        <source>收费员</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="578" />
        <source>实收</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="579" />
        <source>已退</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="580" />
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="581" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="581" />
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="582" />
        <source>已收</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="583" />
        <source>票据</source>
        <translation>Receipts</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="587" />
        <source>只看本人收款</source>
        <translation>Only my payments</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="591" />
        <source>作废收款…</source>
        <translation>Void payment…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="593" />
        <source>退款…</source>
        <translation>Refund…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="600" />
        <source>作废限本班当天；退款可针对任一日的收款，均须值班主任批准</source>
        <translation>Voids: same day and session only; refunds: any day. Both need a supervisor's approval</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="619" />
        <source>待收费</source>
        <translation>Waiting to pay</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="620" />
        <source>收款记录</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="621" />
        <source>票据库存</source>
        <translation>Receipt stock</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="662" />
        <source>未开班</source>
        <translation>Till not open</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="666" />
        <source>第 {n} 班　盲点</source>
        <translation>Session {n} · blind count</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="667" />
        <source>第 {n} 班　备用金 {f}</source>
        <translation>Session {n} · float {f}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="674" />
        <source>我手上的空白票据：{n} 张</source>
        <translation>Blank receipts in my hands: {n}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="675" />
        <source>我手上没有空白票据：请值班主任在“监察 → 票据库存”中发放（领用）给我，然后按 F5 刷新</source>
        <translation>I hold no blank receipts: ask the supervisor to issue some to me under “Supervision → Receipt stock”, then press F5 to refresh</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="682" />
        <source>全部票据（每批）</source>
        <translation>All receipt stock (per batch)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="683" />
        <source>入库、发放、缴回和作废（核销）由值班主任在“监察 → 票据库存”办理。</source>
        <translation>A supervisor receives, issues, takes back and writes off receipts under “Supervision → Receipt stock”.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="687" />
        <location filename="../../hall_client/gui/cashier_workspace.py" line="691" />
        <source>票据代码</source>
        <translation>Stock code</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="687" />
        <location filename="../../hall_client/gui/cashier_workspace.py" line="691" />
        <source>号码段</source>
        <translation>Numbers</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="687" />
        <source>下一张</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="687" />
        <source>剩余</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="691" />
        <source>已打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="691" />
        <source>作废</source>
        <translation>Spoiled</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="692" />
        <source>待确认</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="692" />
        <source>在手未用</source>
        <translation>Unused with cashiers</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="692" />
        <source>库存</source>
        <translation>In stock</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="727" />
        <source>请先在“收款记录”中选择一笔收款</source>
        <translation>Select a payment under Payments first</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="756" />
        <source>已作废该笔收款，票据已记作废，办件回到待收费队列</source>
        <translation>Payment voided; its receipt is recorded as spoiled and the case is back in the queue</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="788" />
        <source>开班</source>
        <translation>Open till</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="788" />
        <source>备用金（元）</source>
        <translation>Opening float (yuan)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="816" />
        <source>X 报表　第 {n} 班</source>
        <translation>X report · session {n}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="820" />
        <source>{method}：{amount}</source>
        <translation>{method}: {amount}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="823" />
        <source>盲点模式：备用金、现金收退及应有现金在结账后显示</source>
        <translation>Blind count: float, cash taken and refunded and expected cash are shown after the close</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="825" />
        <source>应有现金：{e}</source>
        <translation>Expected cash: {e}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="826" />
        <source>收款 {p} 笔　作废 {v} 笔　退款 {r} 笔　重打 {x} 次</source>
        <translation>{p} payments · {v} voided · {r} refunds · {x} reprints</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="871" />
        <source>已日结：应有现金 {e}，差异 {d}</source>
        <translation>Closed: expected cash {e}, difference {d}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="874" />
        <source>（差异待值班主任确认）</source>
        <translation> (difference awaits a supervisor's acknowledgment)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="1000" />
        <source>没有可打印的票据</source>
        <translation>No receipt to print</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="1073" />
        <source>已打印 {n}</source>
        <translation>Printed {n}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="776" />
        <source>已退款 {amount}，退款凭证 {slip}</source>
        <translation>Refunded {amount}, refund slip {slip}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="1073" />
        <source>已重打 {n}</source>
        <translation>Reprinted {n}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="1133" />
        <source>打印失败</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="1134" />
        <source>没有出纸：重打同一号码</source>
        <translation>Nothing came out: print the same number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="1135" />
        <source>出纸有误：作废并换号</source>
        <translation>Paper came out wrong: spoil it and take a new number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="1115" />
        <location filename="../../hall_client/gui/cashier_workspace.py" line="1137" />
        <source>稍后处理</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="527" />
        <source>开班(&amp;O) F3</source>
        <translation>&amp;Open till F3</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="533" />
        <source>重打(&amp;R) F4</source>
        <translation>&amp;Reprint F4</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="535" />
        <source>作废换号(&amp;V) F6</source>
        <translation>Spoil, new number (&amp;V) F6</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="537" />
        <source>X 报表(&amp;X) F7</source>
        <translation>&amp;X report F7</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="539" />
        <source>日结(&amp;Z) F8</source>
        <translation>Close day (&amp;Z) F8</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="541" />
        <source>打印机 F9</source>
        <translation>Printer F9</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="544" />
        <source>刷新 F5</source>
        <translation>Refresh F5</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="704" />
        <source>票据 {code} {number:010d} 尚未确认打印：请“重打”(F4) 或作废换号(F6)</source>
        <translation>Receipt {code} {number:010d} is not confirmed printed: press Reprint (F4) or spoil it for a new number (F6)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="708" />
        <source>票据 {code} {number:010d} 尚未确认打印：</source>
        <translation>Receipt {code} {number:010d} is not confirmed printed: </translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="719" />
        <source>已保存打印机设置：{uri}</source>
        <translation>Printer settings saved: {uri}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="786" />
        <source>本班已开班；要结束本班请按 F8 日结</source>
        <translation>The till is already open; to end it press F8 (close day)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="800" />
        <source>已开班：按 F2 收款</source>
        <translation>Till open: press F2 to take a payment</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="844" />
        <source>还不能日结：票据 {numbers} 尚未确认打印。请先重打 (F4) 或作废换号 (F6)，再日结</source>
        <translation>Cannot close yet: receipt {numbers} is not confirmed printed. Reprint it (F4) or spoil it for a new number (F6) first, then close</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="891" />
        <source>班次</source>
        <translation>Till no.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="892" />
        <source>备用金</source>
        <translation>Opening float</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="894" />
        <source>应有现金</source>
        <translation>Expected cash</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="895" />
        <source>实点现金</source>
        <translation>Counted cash</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="896" />
        <source>差异</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="897" />
        <source>收款笔数</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="898" />
        <source>作废笔数</source>
        <translation>Voided payments</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="899" />
        <source>退款笔数</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="900" />
        <source>已打印票据</source>
        <translation>Receipts printed</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="901" />
        <source>作废票据</source>
        <translation>Receipts spoiled</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="902" />
        <source>重打次数</source>
        <translation>Reprints</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="905" />
        <source>Z 报表（日结）</source>
        <translation>Z report (day closed)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="915" />
        <source>待收费队列为空：没有可收的费用。窗口核定收费后，按 F5 刷新</source>
        <translation>The payment queue is empty: nothing to collect. When a counter assesses a fee, press F5 to refresh</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="940" />
        <source>还没有开班：请先按 F3 开班（录入备用金），再按 F2 收款</source>
        <translation>The till is not open: press F3 to open it (enter the float), then F2 to take the payment</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="944" />
        <source>票据 {code} {number:010d} 尚未打印。</source>
        <translation>Receipt {code} {number:010d} is not printed. </translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="946" />
        <source>票据 {code} {number:010d} 尚未确认打印：交款人还没有拿到票据。请先重打 (F4) 或作废换号 (F6)，再收下一笔</source>
        <translation>Receipt {code} {number:010d} is not confirmed printed: the payer has no receipt yet. Reprint it (F4) or spoil it for a new number (F6) before the next payment</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="950" />
        <source>{name}手上没有空白票据，收款后无法开票：请值班主任在“监察 → 票据库存”中发放票据给您，然后按 F5 刷新</source>
        <translation>{name} holds no blank receipts, so no receipt could be issued: ask the supervisor to issue receipts to you under “Supervision → Receipt stock”, then press F5 to refresh</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="974" />
        <source>找零 {c}　票据 {n}</source>
        <translation>Change {c} · receipt {n}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="976" />
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="1061" />
        <source>票据 {n} 只在右侧预览，尚未打印。</source>
        <translation>Receipt {n} is only previewed on the right, not printed. </translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="1112" />
        <source>票据打印机</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="1114" />
        <source>打印机设置… (F9)</source>
        <translation>Printer settings… (F9)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="1125" />
        <source>没有可作废的票据：本次开机后还没有开出票据</source>
        <translation>No receipt to spoil: none has been issued since the program started</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="1136" />
        <source>打印机设置…</source>
        <translation>Printer settings…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="1144" />
        <source>打印失败，出纸有误</source>
        <translation>Printing failed, paper came out wrong</translation>
    </message>
</context>
<context>
    <name>CatalogBrowser</name>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="40" />
        <source>{n} 个工作日</source>
        <translation>{n} working days</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="41" />
        <source>{p} / {l} 个工作日</source>
        <translation>{p} / {l} working days</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="45" />
        <source>事项编码</source>
        <translation>Item code</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="44" />
        <source>事项名称</source>
        <translation>Service item</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="46" />
        <source>实施部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="48" />
        <source>承诺/法定时限</source>
        <translation>Promised / legal limit</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="85" />
        <source>事项名称、编码、拼音首字母（sgxk）、全拼或部门简称（住建）</source>
        <extracomment>the shown item's notice, ready to be laid out again for a named applicant</extracomment>
        <translation>Item name, code, pinyin initials (sgxk), full pinyin or department short name (住建)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="97" />
        <source>打印一次性告知单…</source>
        <translation>Print one-time notice…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="101" />
        <source>搜索：</source>
        <translation>Search:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="107" />
        <source>一次性告知单（交给申请人的中文文书）：</source>
        <translation>One-time notice (the document for the applicant, in Chinese):</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="151" />
        <source>共 {n} 项</source>
        <translation>{n} items</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="159" />
        <source>&lt;p&gt;没有符合条件的事项。&lt;/p&gt;</source>
        <translation>&lt;p&gt;No matching items.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="216" />
        <source>打印失败</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="216" />
        <source>一次性告知单未能打印：{error}</source>
        <translation>The one-time notice was not printed: {error}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="232" />
        <source>打印一次性告知单</source>
        <translation>Print one-time notice</translation>
    </message>
</context>
<context>
    <name>CatalogPreviewDialog</name>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="188" />
        <source>导入事项目录 — {file}</source>
        <translation>Import service catalog — {file}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="189" />
        <source>新增 {added} 项，修改 {updated} 项（生成新版本），未变 {same} 项</source>
        <translation>{added} new, {updated} changed (new version), {same} unchanged</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="199" />
        <source>发现 {n} 处问题，整份文件不能导入。请在文件中改正后重新选择：</source>
        <translation>{n} problem(s) found; the file cannot be imported. Correct them in the file and choose it again:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="203" />
        <source>{n}. {where}：{message}（规则 {rule}）</source>
        <translation>{n}. {where}: {message} (rule {rule})</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="207" />
        <source>校验通过。确认后才会写入事项目录。</source>
        <translation>The file is valid. Nothing is written until you confirm.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="210" />
        <source>新增：{code}</source>
        <translation>New: {code}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="212" />
        <source>修改：{code}</source>
        <translation>Changed: {code}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="213" />
        <source>没有要写入的变化。</source>
        <translation>Nothing to write: no changes.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="217" />
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="223" />
        <source>文件有问题，或没有要写入的变化</source>
        <translation>The file has problems, or nothing has changed</translation>
    </message>
</context>
<context>
    <name>Categories</name>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="161" />
        <source>行政许可</source>
        <translation>Administrative licensing</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="162" />
        <source>行政处罚</source>
        <translation>Administrative penalty</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="163" />
        <source>行政征收</source>
        <translation>Administrative levy</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="164" />
        <source>行政强制</source>
        <translation>Administrative enforcement</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="165" />
        <source>非行政许可审批</source>
        <translation>Non-licensing approval</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="166" />
        <source>行政奖励</source>
        <translation>Administrative award</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="167" />
        <source>行政确认</source>
        <translation>Administrative confirmation</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="168" />
        <source>行政裁决</source>
        <translation>Administrative ruling</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="169" />
        <source>公共服务</source>
        <translation>Public service</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../hall_client/gui/login.py" line="139" />
        <source>设置新密码</source>
        <translation>Set a new password</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="140" />
        <source>保存并登录</source>
        <translation>Save and sign in</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="142" />
        <source>{name}，管理员为您设置了临时密码。请设置只有您自己知道的新密码。</source>
        <translation>{name}, the administrator set a temporary password for you. Set a new password that only you know.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="152" />
        <source>新密码（至少 8 位）：</source>
        <translation>New password (at least 8 characters):</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="153" />
        <source>再次输入：</source>
        <translation>Repeat:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="157" />
        <source>密码至少 {n} 位</source>
        <translation>The password needs at least {n} characters</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="159" />
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="319" />
        <source>日结（Z 报表）</source>
        <translation>Z close</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="319" />
        <source>日结 (Enter)</source>
        <translation>Close day (Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="333" />
        <source>{d} 元</source>
        <translation>{d} yuan</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="338" />
        <source>实点张数</source>
        <translation>Pieces counted</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="346" />
        <source>实点与应有不符时必填</source>
        <translation>Required when the count differs from the expected cash</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="347" />
        <source>差异原因</source>
        <translation>Reason for the difference</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="350" />
        <source>差异确认人（值班主任）用户名：</source>
        <translation>Supervisor acknowledging a difference (username):</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="354" />
        <source>确认人密码：</source>
        <translation>Their password:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="366" />
        <source>实点现金 {counted}</source>
        <translation>Counted cash {counted}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="368" />
        <source>　应有 {expected}</source>
        <translation>, expected {expected}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="376" />
        <source>实点与应有相差 {d}：请填写差异原因</source>
        <translation>The count differs from the expected cash by {d}: give the reason</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="379" />
        <source>现金差异须由值班主任当场确认：请填写其用户名和密码</source>
        <translation>A cash difference must be acknowledged by a supervisor on the spot: enter their username and password</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="383" />
        <source>日结后本班结束，不能再收款、作废或补打本班票据；此操作不能撤销。
实点现金 {counted}。</source>
        <translation>Closing ends this till: no more payments, voids or reprints for it. This cannot be undone.
Counted cash {counted}.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="385" />
        <source>日结</source>
        <translation>Close day</translation>
    </message>
</context>
<context>
    <name>CollectionDialog</name>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="156" />
        <source>领取登记 — {number}</source>
        <translation>Collection — {number}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="160" />
        <source>申请人本人</source>
        <translation>Applicant in person</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="161" />
        <source>代领人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="167" />
        <source>核验证件</source>
        <translation>Check ID</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="168" />
        <source>短信领取码</source>
        <translation>SMS collection code</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="184" />
        <source>选择授权委托书图片…</source>
        <translation>Choose letter of authorisation image…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="187" />
        <source>未拍摄</source>
        <translation>Not captured</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="191" />
        <source>核对领取码</source>
        <translation>Check code</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="198" />
        <source>重签</source>
        <translation>Sign again</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="208" />
        <source>领取人：</source>
        <translation>Collector:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="212" />
        <source>核验方式：</source>
        <translation>Proof:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="214" />
        <source>姓名：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="215" />
        <source>证件类型：</source>
        <translation>ID type:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="216" />
        <source>证件号码：</source>
        <translation>ID number:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="220" />
        <source>授权委托书：</source>
        <translation>Letter of authorisation:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="225" />
        <source>领取码：</source>
        <translation>Collection code:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="229" />
        <source>签名：</source>
        <translation>Signature:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="230" />
        <source>确认领取 (Enter)</source>
        <translation>Confirm collection (Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="234" />
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="241" />
        <source>{item} · {applicant}</source>
        <translation>{item} · {applicant}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="263" />
        <source>授权委托书图片</source>
        <translation>Letter of authorisation image</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="264" />
        <source>图片 (*.jpg *.jpeg *.png)</source>
        <translation>Images (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="270" />
        <source>已拍摄（{size} KB）</source>
        <translation>Captured ({size} KB)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="326" />
        <source>领取码正确</source>
        <translation>Code correct</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="340" />
        <source>请填写领取人姓名</source>
        <translation>Enter the collector's name</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="342" />
        <source>请先核对短信领取码</source>
        <translation>Check the SMS code first</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="344" />
        <source>请填写领取人证件号码</source>
        <translation>Enter the collector's ID number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="346" />
        <source>代领须拍摄授权委托书</source>
        <translation>An agent needs a letter of authorisation (capture it)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="348" />
        <source>请领取人在签名板上签名</source>
        <translation>The collector must sign on the signature pad</translation>
    </message>
</context>
<context>
    <name>CompletionWorkspace</name>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="51" />
        <source>已缴费</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="51" />
        <source>待缴费</source>
        <translation>Unpaid</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="51" />
        <source>免费</source>
        <translation>No fee</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="58" />
        <source>领取码 {time}</source>
        <translation>Code sent {time}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="59" />
        <source>已通知</source>
        <translation>Notified</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="59" />
        <source>未通知</source>
        <translation>Not notified</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="85" />
        <source>不予许可</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="87" />
        <source>已制证 {number}</source>
        <translation>Licence {number}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="89" />
        <source>待打印 {number}</source>
        <translation>To print {number}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="90" />
        <source>待制证</source>
        <translation>Licence to print</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="104" />
        <source>受理号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="105" />
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="106" />
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="107" />
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="108" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="110" />
        <source>缴费</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="111" />
        <source>短信</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="112" />
        <source>等待天数</source>
        <translation>Days waiting</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="113" />
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="129" />
        <source>显示全大厅的案件 (F4)</source>
        <translation>Whole hall's cases (F4)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="135" />
        <source>出件：审批结果回到窗口，待申请人领取</source>
        <translation>Results: approved cases back at the window, waiting for the applicant</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="144" />
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="145" />
        <location filename="../../hall_client/gui/completion/workspace.py" line="218" />
        <source>制证打印 (F6)</source>
        <translation>Print licence (F6)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="146" />
        <source>领取登记 (F2)</source>
        <translation>Collection (F2)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="147" />
        <source>发送领取码 (F3)</source>
        <translation>Send code (F3)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="148" />
        <source>撤销证照 (F9)</source>
        <translation>Revoke (F9)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="149" />
        <source>已发证照 (F10)</source>
        <translation>Issued licences (F10)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="186" />
        <source>全大厅的待领取结果</source>
        <translation>Results waiting in the whole hall</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="187" />
        <source>本窗口（{code}）受理的案件</source>
        <translation>Cases accepted at this counter ({code})</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="214" />
        <source>不予许可的案件：交付不予许可决定书</source>
        <translation>Refused case: hand over the refusal decision</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="217" />
        <source>打印决定书 (F6)</source>
        <translation>Print decision (F6)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="220" />
        <source>没有待领取的结果</source>
        <translation>No results waiting</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="221" />
        <source>本窗口没有待领取的结果（F4 显示全大厅的案件）</source>
        <translation>No results waiting at this counter (F4 shows the whole hall's cases)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="223" />
        <source>{name} · 证件 {id_number} · 电话 {phone}</source>
        <translation>{name} · ID {id_number} · phone {phone}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="228" />
        <source>不予许可决定书 {number} · 理由：{reason}
{remedies}</source>
        <translation>Refusal decision {number} · reason: {reason}
{remedies}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="229" />
        <source>（文号待同步）</source>
        <translation>(number not yet synced)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="299" />
        <source>不予许可决定书 {number} 已打印（受理号 {case}）</source>
        <translation>Refusal decision {number} printed (case {case})</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="233" />
        <source>{item} · {project}{unpaid}</source>
        <translation>{item} · {project}{unpaid}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="235" />
        <source>
尚未缴费：请申请人先到收费窗口缴纳 {amount} 元，缴费后才能制证、领取</source>
        <translation>
Not paid: the applicant must pay {amount} yuan at the cashier before the licence can be printed or collected</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="243" />
        <source>请先在列表中选择一个案件</source>
        <translation>Select a case in the list first</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="261" />
        <source>该案件应收 {amount} 元尚未缴清，请先到收费窗口缴费，缴费后才能制证</source>
        <translation>{amount} yuan is still unpaid: the applicant must pay at the cashier before the licence is printed</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="282" />
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="286" />
        <source>证照 {number} 已打印（{holder}）{reprint}</source>
        <translation>Licence {number} printed ({holder}){reprint}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="288" />
        <source>，重打第 {n} 次</source>
        <translation>, reprint no. {n}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="315" />
        <source>领取码已排队发送给 {number} 的申请人（联网后由中心发送短信）</source>
        <translation>Collection code queued for the applicant of {number} (the server texts it once online)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="324" />
        <source>尚未缴费，不能领取：请先到收费窗口缴费</source>
        <translation>Not paid, cannot be collected: pay at the cashier first</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="327" />
        <source>证照尚未打印，请先制证打印 (F6)</source>
        <translation>The licence is not printed yet: print it first (F6)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="346" />
        <source>{number} 已由 {name} 领取，案件办结</source>
        <translation>{number} collected by {name}; case finished</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="358" />
        <location filename="../../hall_client/gui/completion/workspace.py" line="370" />
        <source>该案件没有已发出的证照可撤销</source>
        <translation>This case has no issued licence to revoke</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="378" />
        <source>证照 {number} 已撤销；按 F6 补发新证</source>
        <translation>Licence {number} revoked; press F6 to reissue</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <location filename="../../hall_client/gui/widgets/confirm.py" line="25" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/widgets/confirm.py" line="39" />
        <source>知道了</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>CornerEditor</name>
    <message>
        <location filename="../../hall_client/gui/pages/corner_editor.py" line="53" />
        <source>调整四角</source>
        <translation>Adjust corners</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/corner_editor.py" line="70" />
        <source>拖动四个圆点到纸张的四个角上，按 Enter 确定，Esc 取消</source>
        <translation>Drag the four dots onto the sheet's corners; Enter accepts, Esc cancels</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/corner_editor.py" line="74" />
        <source>确定 (Enter)</source>
        <translation>OK (Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/corner_editor.py" line="75" />
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
</context>
<context>
    <name>DomainErrors</name>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="287" />
        <source>用户名或密码错误（连续错误 5 次将锁定账号）</source>
        <translation>Wrong username or password (5 wrong passwords in a row lock the account)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="288" />
        <source>账号已锁定，请 15 分钟后再试，或请管理员解锁</source>
        <translation>The account is locked. Try again in 15 minutes, or ask the administrator to unlock it</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="289" />
        <location filename="../../hall_client/gui/resources.py" line="290" />
        <source>没有进行此操作所需的角色</source>
        <translation>You do not hold the role this needs</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="291" />
        <source>不能停用自己的账号</source>
        <translation>You cannot disable your own account</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="292" />
        <source>这是最后一个在用的系统管理员，不能停用</source>
        <translation>This is the last active administrator and cannot be disabled</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="293" />
        <source>请先以管理员身份登录</source>
        <translation>Sign in as an administrator first</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="294" />
        <source>首个账号必须是系统管理员</source>
        <translation>The first account must be an administrator</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="295" />
        <source>没有找到所要的记录</source>
        <translation>The record was not found</translation>
    </message>
</context>
<context>
    <name>EditRolesDialog</name>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="152" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="158" />
        <source>角色：</source>
        <translation>Roles:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="165" />
        <source>至少选择一个角色</source>
        <translation>Choose at least one role</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="167" />
        <source>不能取消自己的系统管理员角色</source>
        <translation>You cannot remove the administrator role from yourself</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../hall_client/gui/widgets/form_dialog.py" line="47" />
        <source>没有权限读写所需的文件或设备。请联系管理员检查权限。</source>
        <extracomment>the key of errors that belong to no single field (shown above the buttons)</extracomment>
        <translation>No permission to read or write a file or device this needs. Ask the administrator to check the permissions.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/widgets/form_dialog.py" line="51" />
        <source>找不到文件或设备 {name}。请检查路径或连接后重试。</source>
        <translation>File or device {name} not found. Check the path or the connection and try again.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/widgets/form_dialog.py" line="54" />
        <source>网络连接失败或超时。请检查网线和服务器地址后重试。</source>
        <translation>The network connection failed or timed out. Check the cable and the server address and try again.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/widgets/form_dialog.py" line="56" />
        <source>操作失败（{kind}）。请重试；如仍失败，请联系管理员并告知时间。</source>
        <translation>The operation failed ({kind}). Try again; if it fails again, tell the administrator when it happened.</translation>
    </message>
</context>
<context>
    <name>FeeForm</name>
    <message>
        <location filename="../../hall_client/gui/intake/fee_form.py" line="142" />
        <source>本事项不收费</source>
        <extracomment>Column widths of the fee table, fixed so that nothing moves as the amounts appear. The widest amount the table shows (the largest amount of one receipt, with a reduction).</extracomment>
        <translation>No fees for this item</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/fee_form.py" line="170" />
        <source>适用</source>
        <translation>Applies</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/fee_form.py" line="170" />
        <source>收费项目</source>
        <translation>Fee items</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/fee_form.py" line="171" />
        <source>减免</source>
        <translation>Reduction</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/fee_form.py" line="191" />
        <source>减免：{name}</source>
        <translation>Reduction: {name}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/fee_form.py" line="202" />
        <source>减免值</source>
        <translation>Reduction value</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/fee_form.py" line="171" />
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/fee_form.py" line="154" />
        <source>{base}（元）</source>
        <translation>{base} (yuan)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/fee_form.py" line="153" />
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/fee_form.py" line="156" />
        <source>{what}（{unit}）：</source>
        <translation>{what} ({unit}):</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/fee_form.py" line="159" />
        <source>用于：{names}</source>
        <translation>Used for: {names}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/fee_form.py" line="170" />
        <source>收费标准</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/fee_form.py" line="181" />
        <source>本案是否收取此项</source>
        <translation>Whether this fee is charged in this case</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/fee_form.py" line="182" />
        <source>适用：{name}</source>
        <translation>Applies: {name}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/fee_form.py" line="183" />
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/fee_form.py" line="183" />
        <source>免收</source>
        <translation>Exempt</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/fee_form.py" line="184" />
        <source>按比例减（%）</source>
        <translation>Reduce by percent</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/fee_form.py" line="185" />
        <source>按金额减（元）</source>
        <translation>Reduce by yuan</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/fee_form.py" line="205" />
        <source>减免原因（必填）</source>
        <translation>Reason for the reduction (required)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/fee_form.py" line="206" />
        <source>政策依据（必填）</source>
        <translation>Legal basis (required)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/fee_form.py" line="264" />
        <source>{name}：减免值“{text}”不是数字</source>
        <translation>{name}: reduction value “{text}” is not a number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/fee_form.py" line="272" />
        <source>请填写{what}</source>
        <translation>Please fill in {what}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/fee_form.py" line="289" />
        <source>（减 {r}）</source>
        <translation> (less {r})</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/fee_form.py" line="292" />
        <source>应收合计：{total}　{upper}</source>
        <translation>Total due: {total}  {upper}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/fee_form.py" line="298" />
        <source>应收合计：—</source>
        <translation>Total due: —</translation>
    </message>
</context>
<context>
    <name>FeeRules</name>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="196" />
        <source>每件 {amount} 元</source>
        <translation>{amount} yuan per case</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="198" />
        <source>每{unit} {price} 元</source>
        <translation>{price} yuan per {unit}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="200" />
        <source>，最低 {amount} 元</source>
        <translation>, at least {amount} yuan</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="202" />
        <source>，封顶 {amount} 元</source>
        <translation>, at most {amount} yuan</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="208" />
        <source>{low}{unit}以上每{unit} {price} 元</source>
        <translation>above {low} {unit}: {price} yuan per {unit}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="211" />
        <source>{low}–{high}{unit}每{unit} {price} 元</source>
        <translation>{low}–{high} {unit}: {price} yuan per {unit}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="214" />
        <source>分段累进：</source>
        <translation>Tiered: </translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="214" />
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="216" />
        <source>；封顶 {amount} 元</source>
        <translation>; at most {amount} yuan</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="219" />
        <source>按{base}的 {percent}% 计收，封顶 {amount} 元</source>
        <translation>{percent}% of {base}, at most {amount} yuan</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../hall_client/gui/login.py" line="178" />
        <source>首次使用：创建系统管理员</source>
        <translation>First run: create the administrator</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="179" />
        <source>本机尚未设置任何账号。请创建第一个系统管理员账号，之后由管理员在“管理”中添加窗口受理员、收费员和值班主任。</source>
        <translation>No accounts exist on this computer yet. Create the first administrator; the administrator then adds clerks, cashiers and supervisors under Admin.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="192" />
        <source>用户名：</source>
        <translation>Username:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="193" />
        <source>姓名：</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="194" />
        <source>密码（至少 8 位）：</source>
        <translation>Password (at least 8 characters):</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="195" />
        <source>再次输入密码：</source>
        <translation>Repeat password:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="208" />
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="326" />
        <source>办理历史 {number}</source>
        <translation>History of {number}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="329" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="330" />
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="331" />
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="332" />
        <source>身份</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="333" />
        <source>意见</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="336" />
        <source>正在读取…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="354" />
        <source>历史记录哈希链完整</source>
        <translation>The history hash chain is intact</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="355" />
        <source>历史记录哈希链被破坏，请报告管理员</source>
        <translation>The history hash chain is broken; report it to the administrator</translation>
    </message>
</context>
<context>
    <name>IdTypes</name>
    <message>
        <location filename="../../hall_client/gui/intake/names.py" line="11" />
        <source>居民身份证</source>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/names.py" line="12" />
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/names.py" line="13" />
        <source>港澳台居民居住证</source>
        <translation>HK/Macao/Taiwan residence permit</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/names.py" line="14" />
        <source>港澳居民来往内地通行证</source>
        <translation>HK/Macao home-return permit</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/names.py" line="15" />
        <source>台湾居民来往大陆通行证</source>
        <translation>Taiwan compatriot permit</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/names.py" line="16" />
        <source>护照</source>
        <translation>Passport</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/names.py" line="17" />
        <source>其他证件</source>
        <translation>Other ID</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/names.py" line="22" />
        <source>个人</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/names.py" line="23" />
        <source>法人或其他组织</source>
        <translation>Organisation</translation>
    </message>
</context>
<context>
    <name>IntakeWorkspace</name>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="155" />
        <source>项目全称（材料包文件夹以此命名）</source>
        <translation>Full project name (names the page package folder)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="156" />
        <source>① 事项</source>
        <translation>① Item</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="158" />
        <source>事项(&amp;S)：</source>
        <translation>Item (&amp;S):</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="160" />
        <source>项目名称：</source>
        <translation>Project:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="180" />
        <source>② 申请人</source>
        <translation>② Applicant</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="183" />
        <source>类型：</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="183" />
        <source>名称/姓名：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="184" />
        <source>证件类型：</source>
        <translation>ID type:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="184" />
        <source>证件号码：</source>
        <translation>ID number:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="185" />
        <source>联系电话：</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="185" />
        <source>联系人：</source>
        <translation>Contact:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="190" />
        <source>地址：</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="197" />
        <source>全部已收 (F6)</source>
        <translation>All received (F6)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="200" />
        <source>③ 材料（按一次性告知单逐项核对）</source>
        <translation>③ Materials (check each against the one-time notice)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="207" />
        <source>④ 收费核定（受理时送收费窗口）</source>
        <translation>④ Fees (sent to the cashier on acceptance)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="214" />
        <source>不予受理的理由（必填）；补正时的其他说明</source>
        <translation>Reason for refusal (required); other notes for a correction</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="215" />
        <source>受理 (F9)</source>
        <translation>Accept (F9)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="216" />
        <source>通知补正 (F10)</source>
        <translation>Ask for correction (F10)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="217" />
        <source>不予受理 (F11)</source>
        <translation>Refuse (F11)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="223" />
        <source>⑤ 决定</source>
        <translation>⑤ Decision</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="237" />
        <source>确认 (Enter)</source>
        <translation>Confirm (Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="241" />
        <source>返回修改 (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="254" />
        <source>重打通知书 (F12)</source>
        <translation>Reprint notice (F12)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="256" />
        <source>先办理一件，才有通知书可打印</source>
        <translation>Decide a case first; then there is a notice to print</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="258" />
        <source>请申请人评价 (Ctrl+E)</source>
        <translation>Ask the applicant to rate (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="261" />
        <source>受理一件后，请申请人对本次服务评价（好差评）</source>
        <translation>After an acceptance, ask the applicant to rate this service</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="269" />
        <source>下一件 (Ctrl+N)</source>
        <translation>Next case (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="271" />
        <source>页面 (F3)</source>
        <translation>Pages (F3)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="146" />
        <source>事项名称、编码、拼音首字母（如 sgxk）或部门简称（如 住建），按 Enter 选定</source>
        <extracomment>the catalog as the item picker searches it (pinyin, abbreviations, departments) Where notice PDFs are kept (each printed notice is also saved here). Ask for a printer after saving the PDF (tests and screenshots turn this off). The pages of this application (a draft on disk until the case is accepted).</extracomment>
        <translation>Item name, code, pinyin initials (e.g. sgxk) or department short name (e.g. 住建); Enter chooses</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="264" />
        <source>缴款通知书 (F8)</source>
        <translation>Payment notice (F8)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="267" />
        <source>受理一件有收费的事项后，打印缴款通知书交申请人</source>
        <translation>After accepting a case with fees, print the payment notice for the applicant</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="365" />
        <source>没有匹配的事项</source>
        <translation>No matching item</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="369" />
        <source>　等 {n} 项</source>
        <translation> ({n} in all)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="370" />
        <source>Enter 选定第 1 项：</source>
        <translation>Enter takes no. 1: </translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="390" />
        <source>没有找到事项“{text}”：可输入事项名称、编码、拼音首字母或部门简称</source>
        <translation>No item found for “{text}”: type an item name, code, pinyin initials or a department short name</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="417" />
        <source>{dept}　承诺 {promised} 个工作日（法定 {legal}）　第 {version} 版</source>
        <translation>{dept}  promised {promised} working days (legal {legal})  version {version}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="432" />
        <source>材料</source>
        <translation>Material</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="432" />
        <source>核对</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="432" />
        <source>形式</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="433" />
        <source>份数</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="433" />
        <source>问题说明</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="433" />
        <source>承诺补交日期</source>
        <translation>Promised by</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="435" />
        <source>已收</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="435" />
        <source>未交</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="436" />
        <source>不符合要求</source>
        <translation>Not conforming</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="436" />
        <source>容缺后补</source>
        <translation>Deferred (容缺)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="437" />
        <source>原件</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="437" />
        <source>复印件</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="438" />
        <source>原件及复印件</source>
        <translation>Original and copy</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="452" />
        <source>不符合要求的原因</source>
        <translation>Why it does not conform</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="455" />
        <source>（必需）</source>
        <translation> (required)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="455" />
        <source>（非必需）</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="525" />
        <source>姓名，按证件填写</source>
        <translation>Name as on the ID</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="526" />
        <source>单位全称，按营业执照填写</source>
        <translation>Full name as on the business licence</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="527" />
        <source>经办人姓名（单位申请必填）</source>
        <translation>Contact person (required for organisations)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="528" />
        <source>代办人姓名（可不填）</source>
        <translation>Agent (optional)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="536" />
        <source>已将全部材料标为“已收”，请逐项核对原件</source>
        <translation>All materials marked received; check each original</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="563" />
        <source>请先选择事项</source>
        <translation>Choose the item first</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="569" />
        <source>必需材料未收齐或不符合要求，不能受理，请通知补正（F10）：{names}</source>
        <translation>Required materials missing or not conforming; cannot accept, ask for correction (F10): {names}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="574" />
        <source>材料已齐全且符合要求，无需补正</source>
        <translation>All materials are complete and conform; nothing to correct</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="578" />
        <source>页面需要先核对（F3）：{problems}</source>
        <translation>Pages need checking first (F3): {problems}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="582" />
        <source>收费核定未完成：{problem}</source>
        <translation>Fee assessment not complete: {problem}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="583" />
        <source>请填写收费项目</source>
        <translation>Fill in the fee items</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="586" />
        <source>不予受理须写明理由（写入决定书）</source>
        <translation>A refusal needs a reason (printed on the decision)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="590" />
        <source>受理：生成受理号和查询码，打印受理通知书，收费送收费窗口。确认？</source>
        <translation>Accept: make the case number and query code, print the acceptance notice, send the fees to the cashier. Confirm?</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="591" />
        <source>通知补正：打印补正材料通知书，一次性列明全部需补正的材料。确认？</source>
        <translation>Correction: print the correction notice listing every material to correct, all at once. Confirm?</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="592" />
        <source>不予受理：打印不予受理决定书。确认？</source>
        <translation>Refuse: print the refusal decision. Confirm?</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="608" />
        <source>放弃本次录入</source>
        <translation>Discard this intake</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="609" />
        <source>已填写的事项、申请人、材料和收费将全部清空，重新开始一件。</source>
        <translation>The item, applicant, materials and fees typed so far are all cleared, and a new application begins.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="610" />
        <source>放弃并重新开始</source>
        <translation>Discard and start again</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="703" />
        <source>重打 {notice}：重打件标注“重打”，并记入审计。</source>
        <translation>Reprint {notice}: the copy is marked “reprint” and the reprint is audited.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="705" />
        <source>重打</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="726" />
        <source>受理一件有收费的事项后，才能打印缴款通知书</source>
        <translation>A payment notice can be printed after accepting a case with fees</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="750" />
        <source>受理通知书</source>
        <translation>Acceptance notice</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="750" />
        <source>补正材料通知书</source>
        <translation>Correction notice</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="751" />
        <source>不予受理决定书</source>
        <translation>Refusal decision</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="752" />
        <source>缴款通知书</source>
        <translation>Payment notice</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="638" />
        <source>正在办理…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="645" />
        <source>未办理，请修改后再试：</source>
        <translation>Not recorded; correct and try again:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="657" />
        <source>暂无法确定（{why}）</source>
        <translation>not yet known ({why})</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="658" />
        <source>已受理　受理号 {number}　查询码 {code}　承诺办结 {due}</source>
        <translation>Accepted  case {number}  query code {code}  promised {due}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="661" />
        <source>已通知补正　受理号 {number}（补正后沿用）</source>
        <translation>Correction requested  case {number} (kept after correction)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="664" />
        <source>不予受理　登记号 {number}</source>
        <translation>Refused  registration {number}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="665" />
        <source>通知书 {notice}</source>
        <translation>Notice {notice}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="668" />
        <source>　缴款通知书：F8</source>
        <translation>  Payment notice: F8</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="689" />
        <source>受理一件后才能请申请人评价</source>
        <translation>Accept a case first, then ask the applicant to rate it</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="700" />
        <source>还没有办理过，没有可重打的通知书</source>
        <translation>Nothing decided yet: no notice to reprint</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="702" />
        <source>重打通知书</source>
        <translation>Reprint notice</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="756" />
        <location filename="../../hall_client/gui/intake/workspace.py" line="759" />
        <source>{title}已生成：{path}</source>
        <translation>{title} written: {path}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="769" />
        <source>打印通知书</source>
        <translation>Print notice</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="778" />
        <source>请先选择事项，再拍摄或导入页面</source>
        <translation>Choose the item first, then capture or import pages</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="784" />
        <source>页面</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="802" />
        <source>页面 {n} 张已保存</source>
        <translation>{n} pages saved</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="809" />
        <source>　页面 {n} 张</source>
        <translation>  {n} pages</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="877" />
        <source>受理件 {number} 不是待补正状态，不能重新受理</source>
        <translation>Case {number} is not awaiting correction and cannot be re-opened</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/intake/workspace.py" line="894" />
        <source>补正后重新受理：受理号 {number}</source>
        <translation>Re-opened after correction: case {number}</translation>
    </message>
</context>
<context>
    <name>IssuedLicences</name>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="40" />
        <source>已编号，待打印</source>
        <translation>Numbered, not printed</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="42" />
        <source>已撤销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="43" />
        <source>已领取</source>
        <translation>Collected</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="43" />
        <source>已发证，待领取</source>
        <translation>Issued, waiting for collection</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="70" />
        <source>证号</source>
        <translation>Licence no.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="71" />
        <source>持证人</source>
        <translation>Holder</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="72" />
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="73" />
        <source>受理号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="74" />
        <source>发证日期</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="75" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="76" />
        <source>领取人</source>
        <translation>Collected by</translation>
    </message>
</context>
<context>
    <name>IssuedLicencesDialog</name>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="65" />
        <source>已发证照 — 撤销</source>
        <translation>Issued licences — revoke</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="84" />
        <source>证号、受理号或持证人</source>
        <translation>Licence no., case no. or holder</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="87" />
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="90" />
        <source>撤销所选证照 (F9)</source>
        <translation>Revoke selected licence (F9)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="93" />
        <source>补发新证 (F6)</source>
        <translation>Reissue (F6)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="100" />
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="112" />
        <source>查找：</source>
        <translation>Find:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="120" />
        <source>已领取的证照只能由值班主任撤销，并须另一位值班主任批准；撤销后请收回原证，补发使用新证号。</source>
        <translation>A collected licence is revoked only by a supervisor, approved by a second supervisor; take the original back after revoking; a reissue gets a new number.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="153" />
        <source>没有找到已发出的证照</source>
        <translation>No issued licences found</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="165" />
        <source>该证照已撤销</source>
        <translation>This licence is revoked</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="170" />
        <source>只有已撤销、尚未补发的证照可以补发</source>
        <translation>Only a revoked licence not yet replaced can be reissued</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="174" />
        <source>{title} {number} 已编号但尚未打印：按 F6 打印</source>
        <translation>{title} {number} is numbered but not printed: press F6 to print it</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="177" />
        <source>{title} {number} 已撤销：{reason}</source>
        <translation>{title} {number} revoked: {reason}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="179" />
        <source>；已补发 {new}</source>
        <translation>; replaced by {new}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="180" />
        <source>；按 F6 补发新证</source>
        <translation>; press F6 to reissue</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="182" />
        <source>{title} {number} · 打印 {prints} 次</source>
        <translation>{title} {number} · prints: {prints}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="189" />
        <source>请先在列表中选择一张证照</source>
        <translation>Select a licence in the list first</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="192" />
        <source>证照 {number} 已撤销，不能再撤销</source>
        <translation>Licence {number} is already revoked</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="197" />
        <source>证照 {number} 已由申请人领取：须由值班主任登录后撤销，并由另一位值班主任批准</source>
        <translation>Licence {number} has been collected: a supervisor must sign in to revoke it, approved by a second supervisor</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="206" />
        <source>证照 {number} 已撤销，验真将显示“已撤销”</source>
        <translation>Licence {number} revoked; verification will say "revoked"</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="216" />
        <source>请选择一张已撤销、尚未补发的证照</source>
        <translation>Select a revoked licence that has not been replaced</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="229" />
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/revoke.py" line="231" />
        <source>补发证照 {number} 已打印（{holder}）</source>
        <translation>Replacement licence {number} printed ({holder})</translation>
    </message>
</context>
<context>
    <name>LicenceDialog</name>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="66" />
        <source>制证打印 — {number}</source>
        <translation>Print licence — {number}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="75" />
        <source>证照：</source>
        <translation>Licence:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="76" />
        <source>持证人：</source>
        <translation>Holder:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="85" />
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="94" />
        <source>打印 (Enter)</source>
        <translation>Print (Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="98" />
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="132" />
        <source>（打印时编号）</source>
        <translation>(numbered when printed)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="143" />
        <source>请填写：{fields}</source>
        <translation>Please fill in: {fields}</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../hall_client/gui/lock_screen.py" line="91" />
        <location filename="../../hall_client/gui/lock_screen.py" line="96" />
        <source>屏幕已锁定</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/lock_screen.py" line="99" />
        <source>{name} 离开期间窗口已锁定，未完成的工作保留在原处。
请 {name} 输入密码继续。</source>
        <translation>The counter was locked while {name} was away; unfinished work is kept as it was.
{name}, type your password to continue.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/lock_screen.py" line="107" />
        <source>{name} 的密码</source>
        <translation>Password of {name}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/lock_screen.py" line="108" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/lock_screen.py" line="112" />
        <source>解锁 (Enter)</source>
        <translation>Unlock (Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/lock_screen.py" line="148" />
        <source>请输入密码</source>
        <translation>Type the password</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/lock_screen.py" line="151" />
        <source>正在验证…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../hall_client/gui/login.py" line="33" />
        <source>登录 — 行政服务中心窗口客户端</source>
        <translation>Sign in — Hall Client</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="34" />
        <source>行政服务中心窗口客户端</source>
        <translation>Hall Client</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="37" />
        <source>{hall}　{counter}（{id}）</source>
        <translation>{hall} · {counter} ({id})</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="42" />
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="46" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="52" />
        <source>用户名：</source>
        <translation>Username:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="53" />
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="56" />
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="57" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="71" />
        <source>请输入用户名和密码</source>
        <translation>Enter username and password</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="74" />
        <source>正在验证…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="95" />
        <source>请设置您自己的新密码</source>
        <translation>Set your own new password</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="106" />
        <source>须先设置新密码才能登录</source>
        <translation>You must set a new password before signing in</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="124" />
        <source>用户名或密码错误</source>
        <translation>Wrong username or password</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="127" />
        <source>账号已锁定：请稍后再试，或请管理员解锁</source>
        <translation>The account is locked: try again later, or ask the administrator to unlock it</translation>
    </message>
</context>
<context>
    <name>LoopDetail</name>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="66" />
        <location filename="../../hall_client/gui/supervision/ratings.py" line="119" />
        <source>选择一条评价查看整改闭环</source>
        <translation>Select a rating to see its closed loop</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="75" />
        <source>写明核实、整改、答复或回访的情况</source>
        <translation>Describe the verification, rectification, answer or call-back</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="76" />
        <location filename="../../hall_client/gui/supervision/ratings.py" line="117" />
        <source>登记本步完成 (Ctrl+Enter)</source>
        <translation>Record this step done (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="82" />
        <source>申诉</source>
        <translation>Appeal</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="86" />
        <source>裁定理由（必填）</source>
        <translation>Reason for the decision (required)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="87" />
        <location filename="../../hall_client/gui/supervision/ratings.py" line="166" />
        <source>申诉成立</source>
        <translation>Uphold the appeal</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="88" />
        <location filename="../../hall_client/gui/supervision/ratings.py" line="166" />
        <source>驳回申诉</source>
        <translation>Reject the appeal</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="116" />
        <source>登记“{step}”完成 (Ctrl+Enter)</source>
        <translation>Record “{step}” done (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="123" />
        <source>{number} · {item}
{level}：“{comment}” —— 评价 {clerk}（{counter}）{day}；{state}</source>
        <translation>{number} · {item}
{level}: “{comment}” — rated {clerk} ({counter}) {day}; {state}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="132" />
        <source>{who} 于 {day} 申诉：{reason}（{state}）</source>
        <translation>{who} appealed on {day}: {reason} ({state})</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="136" />
        <source>{who} 裁定：{reason}</source>
        <translation>{who} decided: {reason}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="151" />
        <source>请写明{step}的情况</source>
        <translation>Describe the {step} step</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="162" />
        <source>裁定必须写明理由（至少 4 个字）</source>
        <translation>A decision needs a reason (at least 4 characters)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="164" />
        <source>申诉成立后该评价作废，不计入满意率，整改闭环取消。</source>
        <translation>If upheld, the rating is voided, left out of satisfaction rates, and its loop cancelled. </translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="165" />
        <source>驳回后该差评照常计入，整改闭环继续。</source>
        <translation>If refused, the bad rating counts and its loop goes on. </translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="167" />
        <source>确认裁定</source>
        <translation>Confirm decision</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="177" />
        <source>已保存：{state}</source>
        <translation>Saved: {state}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="53" />
        <source>行政服务中心窗口客户端 — {hall}</source>
        <translation>Hall Client — {hall}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="60" />
        <source>窗口受理</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="66" />
        <source>受理件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="73" />
        <source>出件</source>
        <extracomment>the online application being handled in the intake form, if any</extracomment>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="76" />
        <source>收费</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="80" />
        <source>监察</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="85" />
        <source>管理</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="87" />
        <source>事项目录</source>
        <translation>Catalog</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="96" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="97" />
        <source>锁定屏幕(&amp;L)</source>
        <translation>&amp;Lock screen</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="101" />
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="105" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="106" />
        <source>放大(&amp;I)</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="109" />
        <source>缩小(&amp;O)</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="112" />
        <source>还原(&amp;R)</source>
        <translation>&amp;Reset zoom</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="117" />
        <source>同步(&amp;S)</source>
        <translation>&amp;Sync</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="118" />
        <source>案件进度（服务器）(&amp;P)</source>
        <translation>Case &amp;progress (server)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="123" />
        <source>网上申报(&amp;O)</source>
        <translation>&amp;Online applications</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="127" />
        <source>同步问题(&amp;E)</source>
        <translation>Sync &amp;problems</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="131" />
        <source>报表(&amp;R)</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="132" />
        <source>收费报表…</source>
        <translation>Cashier reports…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="136" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="137" />
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="142" />
        <source>当前用户：{name}（{roles}）</source>
        <translation>User: {name} ({roles})</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="144" />
        <source>窗口：{name}（{id}）</source>
        <translation>Counter: {name} ({id})</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="194" />
        <source>收费报表</source>
        <translation>Cashier reports</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="246" />
        <source>窗口已出具通知书 {notice}</source>
        <translation>Notice {notice} issued at the window</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="261" />
        <source>案件进度（中心服务器）</source>
        <translation>Case progress (central server)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="273" />
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="274" />
        <source>行政服务中心窗口客户端 {version}
数据目录：{path}</source>
        <translation>Hall Client {version}
Data folder: {path}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="296" />
        <source>显示比例 {percent}%</source>
        <translation>Zoom {percent}%</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="301" />
        <source>显示比例未能保存：{error}</source>
        <translation>The zoom could not be saved: {error}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="344" />
        <source>窗口受理：已填写但尚未提交的受理单</source>
        <translation>Intake: a form filled in but not submitted</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="361" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="362" />
        <source>以下工作尚未保存，退出后将丢失：
{work}

（待同步的记录已保存在本机，下次启动后会继续同步，不受影响。）</source>
        <translation>This work is not saved and will be lost if you quit:
{work}

(Records waiting to sync are saved on this PC and sync after the next start; they are not affected.)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="364" />
        <source>放弃并退出</source>
        <translation>Discard and quit</translation>
    </message>
</context>
<context>
    <name>MessageArea</name>
    <message>
        <location filename="../../hall_client/gui/widgets/message_area.py" line="30" />
        <location filename="../../hall_client/gui/widgets/message_area.py" line="32" />
        <source>知道了</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>NameEdit</name>
    <message>
        <location filename="../../hall_client/gui/widgets/rare_char.py" line="188" />
        <source>生僻字 (Ctrl+J)</source>
        <translation>Rare character (Ctrl+J)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/widgets/rare_char.py" line="189" />
        <source>生僻字：按拼音或编码找字 (Ctrl+J)</source>
        <translation>Rare character: find by pinyin or code (Ctrl+J)</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../../hall_client/gui/sync/notices.py" line="57" />
        <source>查看案件 (F7)</source>
        <translation>Open case (F7)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/notices.py" line="60" />
        <source>知道了 (F8)</source>
        <translation>Got it (F8)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/notices.py" line="79" />
        <source>{title} — 案件 {number}（{opinion}）</source>
        <translation>{title} — case {number} ({opinion})</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/notices.py" line="80" />
        <source>{title} — 案件 {number}</source>
        <translation>{title} — case {number}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/notices.py" line="83" />
        <source>另有 {n} 条</source>
        <translation>{n} more</translation>
    </message>
</context>
<context>
    <name>NoticeForDialog</name>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="62" />
        <source>打印一次性告知单</source>
        <extracomment>The name column is never narrower than this (a long name wraps onto a second line).</extracomment>
        <translation>Print one-time notice</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="62" />
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="65" />
        <source>申请人或单位名称（可不填）</source>
        <translation>Applicant or organisation name (may be left empty)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="66" />
        <source>告知对象：</source>
        <translation>For:</translation>
    </message>
</context>
<context>
    <name>PageWorkspace</name>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="59" />
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="60" />
        <source>像素</source>
        <translation>Pixels</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="61" />
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="62" />
        <source>比例</source>
        <translation>Aspect</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="63" />
        <source>四角</source>
        <translation>Corners</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="71" />
        <source>操作没有完成，请重试；如仍不行请联系管理员</source>
        <translation>Not done; try again, and call the administrator if it keeps failing</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="97" />
        <source>摄像头未打开</source>
        <translation>Camera not open</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="103" />
        <source>拍摄 (F5)</source>
        <translation>Capture (F5)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="105" />
        <source>静止时自动拍摄</source>
        <translation>Capture when still</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="106" />
        <source>导入文件… (Ctrl+O)</source>
        <translation>Import files… (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="110" />
        <source>取消导入</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="113" />
        <source>摄像头</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="145" />
        <source>（不指定材料）</source>
        <translation>(no material)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="148" />
        <source>分到分册 (F4)</source>
        <translation>Assign to section (F4)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="150" />
        <source>调整四角 (F7)</source>
        <translation>Adjust corners (F7)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="152" />
        <source>确认四角无误 (F8)</source>
        <translation>Corners are right (F8)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="154" />
        <source>旋转 (R)</source>
        <translation>Rotate (R)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="156" />
        <source>删除 (Del)</source>
        <translation>Delete (Del)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="158" />
        <source>撤销删除 (Ctrl+Z)</source>
        <translation>Undo delete (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="160" />
        <source>重拍此页 (F6)</source>
        <translation>Re-capture this page (F6)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="162" />
        <source>导出材料包 (F12)</source>
        <translation>Export package (F12)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="166" />
        <source>本页</source>
        <translation>This page</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="169" />
        <source>分册</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="171" />
        <source>材料</source>
        <translation>Material</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="220" />
        <source>正在打开摄像头 %1…</source>
        <translation>Opening camera %1…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="233" />
        <source>正在打开</source>
        <translation>Opening</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="234" />
        <source>摄像头已就绪</source>
        <translation>Camera ready</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="264" />
        <source>没有摄像头画面，无法拍摄；可导入文件</source>
        <translation>No camera picture, nothing to capture; you can import files</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="278" />
        <source>已拍摄</source>
        <translation>Captured</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="284" />
        <source>请先选中要重拍的页面</source>
        <translation>Select the page to re-capture first</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="288" />
        <source>把第 %1 页放好后按 F5 拍摄，新照片替换此页</source>
        <translation>Lay page %1 down and press F5; the new photo replaces it</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="298" />
        <source>导入页面</source>
        <translation>Import pages</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="300" />
        <source>图片和 PDF (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.webp *.pdf)</source>
        <translation>Images and PDF (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.webp *.pdf)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="317" />
        <source>上一次导入还没有结束</source>
        <translation>The previous import has not finished</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="337" />
        <source>%v / %m 页</source>
        <translation>%v / %m pages</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="343" />
        <source>正在取消导入…</source>
        <translation>Cancelling the import…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="354" />
        <source>已导入 %1 页</source>
        <translation>Imported %1 pages</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="356" />
        <source>，其余已取消（已导入的页面保留，可删除）</source>
        <translation>; the rest was cancelled (pages already imported are kept and can be deleted)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="379" />
        <source>符合规则</source>
        <translation>Meets the rules</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="391" />
        <source>未分册</source>
        <translation>no section</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="413" />
        <source>还没有页面：拍摄 (F5) 或导入 (Ctrl+O)</source>
        <translation>No pages yet: capture (F5) or import (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="423" />
        <source>第 %1 页，%2×%3，%4 字节，置信度 %5</source>
        <translation>Page %1, %2×%3, %4 bytes, confidence %5</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="441" />
        <location filename="../../hall_client/gui/pages/workspace.py" line="453" />
        <source>已调整顺序</source>
        <translation>Order changed</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="460" />
        <location filename="../../hall_client/gui/pages/workspace.py" line="510" />
        <source>请先选中一页</source>
        <translation>Select a page first</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="467" />
        <source>已旋转 90°</source>
        <translation>Rotated 90°</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="473" />
        <source>已删除第 %1 页（Ctrl+Z 撤销）</source>
        <translation>Page %1 deleted (Ctrl+Z undoes)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="481" />
        <source>已恢复删除的页面</source>
        <translation>Deleted page restored</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="481" />
        <source>没有可撤销的删除</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="487" />
        <source>已确认四角</source>
        <translation>Corners confirmed</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="492" />
        <source>请先选中页面</source>
        <translation>Select pages first</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="500" />
        <source>%1 页已分到 %2</source>
        <translation>%1 pages assigned to %2</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="528" />
        <source>已按新的四角重新处理</source>
        <translation>Page made again from the new corners</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="535" />
        <source>导出材料包到</source>
        <translation>Export the package to</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/pages/workspace.py" line="553" />
        <source>材料包已导出到 %1</source>
        <translation>Package exported to %1</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="177" />
        <source>收款</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="186" />
        <source>默认等于现金部分</source>
        <translation>Defaults to the cash part</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="206" />
        <source>现金(&amp;C)</source>
        <translation>&amp;Cash</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="207" />
        <source>实收现金(&amp;R)</source>
        <translation>Cash &amp;received</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="208" />
        <source>找零</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="209" />
        <source>转账(&amp;T)</source>
        <translation>&amp;Transfer</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="210" />
        <source>转账流水号</source>
        <translation>Transfer reference</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="211" />
        <source>电汇(&amp;W)</source>
        <translation>&amp;Wire</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="212" />
        <source>电汇流水号</source>
        <translation>Wire reference</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="213" />
        <source>尚需支付</source>
        <translation>Still to pay</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="216" />
        <source>确认收款 (Enter)</source>
        <translation>Confirm payment (Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="217" />
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="247" />
        <source>现金</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="247" />
        <source>转账</source>
        <translation>Bank transfer</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="247" />
        <source>电汇</source>
        <translation>Wire</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="248" />
        <source>实收现金</source>
        <translation>Cash received</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="264" />
        <source>实收不足</source>
        <translation>Not enough received</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="285" />
        <source>{zero}（已付足）</source>
        <translation>{zero} (paid in full)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="288" />
        <source>多出 {over}</source>
        <translation>{over} too much</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="304" />
        <source>各方式合计 {paid} 与应收 {due} 不符</source>
        <translation>Methods add up to {paid}, but {due} is due</translation>
    </message>
</context>
<context>
    <name>PaymentMethods</name>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="146" />
        <source>现金</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="147" />
        <source>转账</source>
        <translation>Bank transfer</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="148" />
        <source>电汇</source>
        <translation>Wire</translation>
    </message>
</context>
<context>
    <name>PerformancePanel</name>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="73" />
        <source>新上榜</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="92" />
        <source>查询 (Enter)</source>
        <translation>Search (Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="95" />
        <source>导出 xlsx (Ctrl+E)</source>
        <translation>Export xlsx (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="97" />
        <source>打印 A4 (Ctrl+P)</source>
        <translation>Print A4 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="101" />
        <source>按</source>
        <translation>by</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="109" />
        <source>按期办结率走势</source>
        <translation>On-time rate over time</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="110" />
        <source>按期办结率</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="138" />
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="139" />
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="139" />
        <source>上期名次：{rank}</source>
        <translation>Previous rank: {rank}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="141" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="142" />
        <source>办结</source>
        <translation>Concluded</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="143" />
        <source>提前</source>
        <translation>Early</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="144" />
        <source>按期（含提前）</source>
        <translation>On time (incl. early)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="145" />
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="146" />
        <source>按期率</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="147" />
        <source>提前率</source>
        <translation>Early rate</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="148" />
        <source>逾期率</source>
        <translation>Overdue rate</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="149" />
        <source>平均办理工作日</source>
        <translation>Avg. working days</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="151" />
        <source>评价数</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="152" />
        <source>满意率</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="158" />
        <source>本机尚未登录中心服务器</source>
        <translation>This counter is not signed in to the central server</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="163" />
        <source>正在计算…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="178" />
        <source>全厅按期办结率</source>
        <translation>Hall on-time rate</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="179" />
        <source>按期办结率（按{group}）</source>
        <translation>On-time rate by {group}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="185" />
        <source>{start} 至 {end}，共办结 {n} 件；名次变化与上期（{ps} 至 {pe}）相比</source>
        <translation>{start} to {end}: {n} cases concluded; rank changes against the previous period ({ps} to {pe})</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="197" />
        <source>请先查询，再导出</source>
        <translation>Search first, then export</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="200" />
        <source>导出绩效排名</source>
        <translation>Export performance ranking</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="207" />
        <source>绩效排名</source>
        <translation>Performance</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="208" />
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="213" />
        <source>办件绩效排名（按{group}）</source>
        <translation>Case performance ranking by {group}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="217" />
        <source>请先查询，再打印</source>
        <translation>Search first, then print</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="228" />
        <source>已打印 {n} 页</source>
        <translation>Printed {n} pages</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../hall_client/gui/supervision/common.py" line="72" />
        <source>日</source>
        <extracomment>Amounts, counts and rates are right-aligned (DESIGN §9).</extracomment>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/common.py" line="72" />
        <source>周</source>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/common.py" line="72" />
        <source>月</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/common.py" line="73" />
        <source>季度</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/common.py" line="73" />
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/common.py" line="83" />
        <source>期间：</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/common.py" line="86" />
        <source>至</source>
        <translation>to</translation>
    </message>
</context>
<context>
    <name>PresubmissionsDialog</name>
    <message>
        <location filename="../../hall_client/gui/sync/presubmissions.py" line="41" />
        <source>网上申报（待预审）</source>
        <extracomment>(presubmission id, the case JSON draft) to open in the intake form</extracomment>
        <translation>Online applications (pre-review)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/presubmissions.py" line="44" />
        <source>申报时间</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/presubmissions.py" line="46" />
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/presubmissions.py" line="47" />
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/presubmissions.py" line="48" />
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/presubmissions.py" line="56" />
        <source>补正或不予受理的原因（必填）</source>
        <translation>Reason for correction or refusal (required)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/presubmissions.py" line="59" />
        <source>在窗口受理中办理 (Enter)</source>
        <translation>Handle in intake (Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/presubmissions.py" line="62" />
        <source>通知补正</source>
        <translation>Send back for correction</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/presubmissions.py" line="64" />
        <source>不予受理</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/presubmissions.py" line="66" />
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/presubmissions.py" line="95" />
        <source>没有待预审的网上申报</source>
        <translation>No online applications waiting</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/presubmissions.py" line="119" />
        <source>（必需）</source>
        <translation> (required)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/presubmissions.py" line="123" />
        <source>网上未列出的必需材料：{n} 项（以窗口核对原件为准）</source>
        <translation>Required materials not listed online: {n} (the papers at the window decide)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/presubmissions.py" line="145" />
        <source>请填写原因</source>
        <translation>Enter the reason</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/presubmissions.py" line="156" />
        <source>已处理，将同步到中心服务器</source>
        <translation>Done; it will be sent to the central server</translation>
    </message>
</context>
<context>
    <name>Printer</name>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="30" />
        <source>USB 打印机</source>
        <translation>USB printer</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="30" />
        <source>网络打印机（TCP）</source>
        <translation>Network printer (TCP)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="31" />
        <source>串口打印机</source>
        <translation>Serial printer</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="31" />
        <source>写入文件（测试用）</source>
        <translation>Write to a file (for testing)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="32" />
        <source>Windows 打印机</source>
        <translation>Windows printer</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="37" />
        <source>请检查打印机电源是否打开、USB 线是否插好、VID:PID 是否与打印机一致。</source>
        <translation>Check that the printer is switched on, the USB cable is plugged in and VID:PID match the printer.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="38" />
        <source>请检查打印机电源、网线，以及 IP 地址和端口是否正确。</source>
        <translation>Check the printer power, the network cable, and that the IP address and port are right.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="39" />
        <source>请检查打印机电源、串口线，以及串口名和波特率是否正确。</source>
        <translation>Check the printer power, the serial cable, and that the port name and baud rate are right.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="40" />
        <source>请检查文件夹是否存在、是否可以写入。</source>
        <translation>Check that the folder exists and can be written to.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="41" />
        <source>请检查 Windows 中该打印机的名称是否正确、打印机是否联机。</source>
        <translation>Check the printer name in Windows and that the printer is online.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="42" />
        <source>请检查打印机的电源、连线和地址。</source>
        <translation>Check the printer power, cable and address.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="52" />
        <source>无法连接票据打印机 {device}。</source>
        <translation>Cannot reach the receipt printer {device}. </translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="54" />
        <source>票据打印机 {device} 在打印中途断开或未应答，这张票据没有完整打出。</source>
        <translation>The receipt printer {device} went away or did not answer while printing; this receipt did not print completely. </translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="57" />
        <source>打印机地址“{device}”写法不对：请在“打印机设置”中重新选择。</source>
        <translation>The printer address “{device}” is not valid: choose the printer again in Printer settings.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="59" />
        <source>这台电脑不能使用 {device}（Windows 打印机只能在 Windows 上使用）。</source>
        <translation>This computer cannot use {device} (a Windows printer works only on Windows).</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="65" />
        <source>本柜台未设置票据打印机：票据只在右侧预览，尚未打印。请按 F9 打开“打印机设置”，选择打印机并试打。</source>
        <translation>No receipt printer is set for this counter: the receipt is only previewed on the right, not printed. Press F9 for Printer settings, choose the printer and make a test print.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="73" />
        <source>打印机设置</source>
        <translation>Printer settings</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="73" />
        <source>保存 (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="90" />
        <source>{w} 毫米</source>
        <translation>{w} mm</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="94" />
        <source>图像（与预览一致，推荐）</source>
        <translation>Image (as previewed, recommended)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="95" />
        <source>文字（打印机自带汉字字库）</source>
        <translation>Text (the printer’s own Chinese font)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="100" />
        <source>GBK（常用汉字，多数打印机）</source>
        <translation>GBK (common hanzi, most printers)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="101" />
        <source>GB2312（仅常用简体字）</source>
        <translation>GB2312 (common simplified only)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="102" />
        <source>GB18030 一级（含生僻字）</source>
        <translation>GB18030 level 1 (rare hanzi)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="103" />
        <source>GB18030 二级（含扩展汉字）</source>
        <translation>GB18030 level 2 (extended hanzi)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="104" />
        <source>GB18030 三级（含少数民族文字）</source>
        <translation>GB18030 level 3 (minority scripts)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="110" />
        <source>打印机类型(&amp;K)：</source>
        <translation>Printer &amp;kind:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="111" />
        <source>地址(&amp;A)：</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="112" />
        <source>纸宽(&amp;W)：</source>
        <translation>Paper &amp;width:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="113" />
        <source>打印方式(&amp;M)：</source>
        <translation>Print &amp;mode:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="114" />
        <source>文字方式的字符集：</source>
        <translation>Charset in text mode:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="115" />
        <source>试打 (Ctrl+T)</source>
        <translation>Test print (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="132" />
        <source>例如 {example}</source>
        <translation>e.g. {example}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="140" />
        <source>请填写打印机地址，例如 {example}</source>
        <translation>Enter the printer address, e.g. {example}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="145" />
        <source>地址写法不对，应类似 {example}</source>
        <translation>The address is not valid; it should look like {example}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="169" />
        <source>已向 {device} 发送试打页：请看打印机是否出纸、字迹是否清楚。</source>
        <translation>Test page sent to {device}: check that paper came out and the print is clear.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/printer.py" line="179" />
        <source>正在试打…</source>
        <translation>Printing a test page…</translation>
    </message>
</context>
<context>
    <name>RareCharPicker</name>
    <message>
        <location filename="../../hall_client/gui/widgets/rare_char.py" line="61" />
        <source>生僻字</source>
        <translation>Rare character</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/widgets/rare_char.py" line="65" />
        <source>拼音（如 yan 或 yan3）或编码（如 U+20BB7）</source>
        <translation>Pinyin (e.g. yan or yan3) or code (e.g. U+20BB7)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/widgets/rare_char.py" line="90" />
        <source>插入 (Enter)</source>
        <translation>Insert (Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/widgets/rare_char.py" line="92" />
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/widgets/rare_char.py" line="102" />
        <source>最近选过：</source>
        <translation>Recently picked:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/widgets/rare_char.py" line="133" />
        <source>输入拼音或编码；↓ 选字，Enter 插入</source>
        <translation>Type pinyin or a code; ↓ to choose, Enter to insert</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/widgets/rare_char.py" line="135" />
        <source>没有找到“{query}”：拼音请不带声调符号（可加 1–4），编码如 U+20BB7</source>
        <translation>Nothing found for “{query}”: type pinyin without tone marks (a tone digit 1–4 may follow), or a code such as U+20BB7</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/widgets/rare_char.py" line="138" />
        <source>找到 {n} 个字</source>
        <translation>{n} characters found</translation>
    </message>
</context>
<context>
    <name>RatingScreen</name>
    <message>
        <location filename="../../hall_client/gui/supervision/rating_screen.py" line="44" />
        <source>请您评价本次服务</source>
        <translation>Please rate our service</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/rating_screen.py" line="46" />
        <source>请您对本次服务进行评价</source>
        <translation>Please rate the service you received</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/rating_screen.py" line="52" />
        <source>{counter} · 工作人员 {name} · 受理编号 {number}</source>
        <translation>{counter} · served by {name} · case {number}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/rating_screen.py" line="76" />
        <source>意见或建议（选填，差评请告诉我们原因）</source>
        <translation>Comments (optional; if unhappy, please tell us why)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/rating_screen.py" line="116" />
        <source>感谢您的评价！（{level}）</source>
        <translation>Thank you for your rating! ({level})</translation>
    </message>
</context>
<context>
    <name>RatingsPanel</name>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="47" />
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="48" />
        <source>时限（工作日）</source>
        <translation>Limit (working days)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="49" />
        <source>到期日</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="50" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="51" />
        <source>完成日</source>
        <translation>Done on</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="52" />
        <source>办理人</source>
        <translation>Done by</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="53" />
        <source>情况</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="195" />
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="195" />
        <source>整改中</source>
        <translation>Loop open</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="196" />
        <source>已闭环</source>
        <translation>Loop closed</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="196" />
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="197" />
        <source>好评</source>
        <translation>Good rating</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="199" />
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="207" />
        <source>评价日</source>
        <translation>Rated on</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="208" />
        <source>等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="209" />
        <source>受理编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="210" />
        <source>事项</source>
        <translation>Service item</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="211" />
        <source>工作人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="212" />
        <source>窗口</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="213" />
        <source>闭环</source>
        <translation>Loop</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="232" />
        <source>本机尚未登录中心服务器</source>
        <translation>This counter is not signed in to the central server</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="243" />
        <source>共 {n} 条评价，其中差评 {bad} 条</source>
        <translation>{n} ratings, {bad} of them bad</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="116" />
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="118" />
        <source>为 {name}（{user}）设一个临时密码，请当面告知本人并提醒其尽快修改。</source>
        <translation>Set a temporary password for {name} ({user}); tell them in person and remind them to change it soon.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="124" />
        <source>临时密码（至少 8 位）：</source>
        <translation>Temporary password (at least 8 characters):</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="125" />
        <source>再次输入：</source>
        <translation>Repeat:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="129" />
        <source>密码至少 {n} 位</source>
        <translation>The password needs at least {n} characters</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="131" />
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="406" />
        <source>撤销证照 — {number}</source>
        <translation>Revoke licence — {number}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="413" />
        <source>撤销后证号 {number}（{holder}）作废，验真时显示“已撤销”；补发将使用新的证号。此操作不可撤回。</source>
        <translation>Licence {number} ({holder}) becomes void and verification will report it revoked; a reissue gets a new number. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="417" />
        <source>
该证照已由申请人领取：须由值班主任撤销，并由另一位值班主任批准，请通知持证人交回原证。</source>
        <translation>
The applicant has collected this licence: a supervisor revokes it, approved by a second supervisor; ask the holder to return the original.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="428" />
        <source>撤销原因：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="437" />
        <source>须由另一位值班主任输入用户名批准</source>
        <translation>Another supervisor must enter their user name to approve</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="439" />
        <source>请值班主任输入密码</source>
        <translation>Enter the supervisor's password</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="443" />
        <location filename="../../hall_client/gui/completion/dialogs.py" line="447" />
        <source>撤销证照</source>
        <translation>Revoke licence</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="444" />
        <source>证照 {number}（{holder}）将被撤销，验真时显示“已撤销”，不能恢复。确定撤销吗？</source>
        <translation>Licence {number} ({holder}) will be revoked; verification will say "revoked". This cannot be undone. Revoke it?</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="379" />
        <source>批准的值班主任（用户名）：</source>
        <translation>Approving supervisor (user name):</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="381" />
        <source>值班主任密码：</source>
        <translation>Supervisor's password:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="407" />
        <source>撤销 (Enter)</source>
        <translation>Revoke (Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="435" />
        <source>请写明撤销原因</source>
        <translation>State the reason for revoking</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="135" />
        <source>窗口受理员</source>
        <extracomment>DESIGN §9: text at least 10.5 pt, click targets at least 24 px printed documents (notices, licences, letters) keep their size whatever the screen zoom</extracomment>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="136" />
        <source>收费员</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="137" />
        <source>值班主任</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="138" />
        <source>系统管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="154" />
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="232" />
        <source>用户名须以小写字母开头，由 2–32 位小写字母、数字、_ . - 组成</source>
        <translation>A username starts with a lowercase letter and has 2–32 lowercase letters, digits, _ . or -</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="233" />
        <source>该用户名已存在</source>
        <translation>This username is taken</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="234" />
        <source>请填写姓名</source>
        <translation>Enter the full name</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="235" />
        <source>密码太短</source>
        <translation>The password is too short</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="236" />
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="237" />
        <source>新密码不能与临时密码相同</source>
        <translation>The new password must differ from the temporary one</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="238" />
        <source>至少选择一个角色</source>
        <translation>Choose at least one role</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="239" />
        <source>未知角色</source>
        <translation>Unknown role</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="240" />
        <source>不能取消自己的系统管理员角色</source>
        <translation>You cannot remove the administrator role from yourself</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="241" />
        <source>这是最后一个在用的系统管理员</source>
        <translation>This is the last active administrator</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="242" />
        <source>必填项缺失</source>
        <translation>Required value missing</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="243" />
        <source>应为文本</source>
        <translation>Must be text</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="244" />
        <source>内容过长</source>
        <translation>Too long</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="245" />
        <source>应为整数（工作日）</source>
        <translation>Must be a whole number of working days</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="246" />
        <source>应在 0 到 3650 个工作日之间</source>
        <translation>Must be between 0 and 3650 working days</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="247" />
        <source>金额须写成文本（如 "12.50"）或整数</source>
        <translation>An amount must be written as text (e.g. "12.50") or a whole number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="248" />
        <source>不是有效的金额</source>
        <translation>Not a valid amount</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="249" />
        <source>金额不能为负数</source>
        <translation>An amount cannot be negative</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="250" />
        <source>金额过大</source>
        <translation>The amount is too large</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="251" />
        <source>小数位数过多（金额最多 2 位小数）</source>
        <translation>Too many decimal places (amounts have at most 2)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="252" />
        <source>应为整数</source>
        <translation>Must be a whole number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="253" />
        <source>应填“是”或“否”</source>
        <translation>Must be 是 (yes) or 否 (no)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="254" />
        <source>缺少工作表</source>
        <translation>A sheet is missing</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="255" />
        <source>缺少列</source>
        <translation>A column is missing</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="256" />
        <source>事项编码不在“事项”表中</source>
        <translation>The item code is not in the items sheet</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="257" />
        <source>事项编码格式不对</source>
        <translation>The item code has the wrong form</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="258" />
        <source>事项编码重复</source>
        <translation>Duplicate item code</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="259" />
        <source>各环节时限之和超过承诺时限</source>
        <translation>The step time limits add up to more than the promised time limit</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="260" />
        <source>承诺时限超过法定时限</source>
        <translation>The promised time limit exceeds the legal time limit</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="261" />
        <source>未知的部门编码</source>
        <translation>Unknown department code</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="262" />
        <source>未知的事项类别</source>
        <translation>Unknown item category</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="263" />
        <source>无效的收费方式</source>
        <translation>Invalid fee kind</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="264" />
        <source>最低收费高于封顶</source>
        <translation>The minimum fee is above the cap</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="265" />
        <source>收费编码重复</source>
        <translation>Duplicate fee code</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="266" />
        <source>费率应在 0 到 1 之间</source>
        <translation>The rate must be between 0 and 1</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="267" />
        <source>分段上限须递增</source>
        <translation>Tier bounds must increase</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="268" />
        <source>分段收费至少要有一段</source>
        <translation>A tiered fee needs at least one tier</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="269" />
        <source>只有最后一段可以不设上限</source>
        <translation>Only the last tier may be open-ended</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="270" />
        <source>未知的权限人</source>
        <translation>Unknown post holder</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="271" />
        <source>环节须有权限人</source>
        <translation>A step needs a post holder</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="272" />
        <source>须有办理流程</source>
        <translation>A workflow is required</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="273" />
        <source>环节序号不连续</source>
        <translation>Step numbers have a gap</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="274" />
        <source>无效的材料形式</source>
        <translation>Invalid material form</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="275" />
        <source>份数超出范围</source>
        <translation>Number of copies out of range</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="276" />
        <source>不是事项目录文件（格式标识不对）</source>
        <translation>Not a catalog file (wrong format marker)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="277" />
        <source>不是有效的 JSON</source>
        <translation>Not valid JSON</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="278" />
        <source>文件不是 UTF-8 文本</source>
        <translation>The file is not UTF-8 text</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="279" />
        <source>无法作为 Excel 工作簿读取</source>
        <translation>Cannot be read as an Excel workbook</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="280" />
        <source>文件不存在</source>
        <translation>The file does not exist</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="281" />
        <source>这是一个文件夹，请选择文件</source>
        <translation>This is a folder; choose a file</translation>
    </message>
</context>
<context>
    <name>ServerCases</name>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="23" />
        <source>审批中</source>
        <translation>Under review</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="24" />
        <source>待补正</source>
        <translation>Awaiting correction</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="25" />
        <source>特别程序</source>
        <translation>Special procedure</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="26" />
        <source>待缴费领证</source>
        <translation>Awaiting payment and collection</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="27" />
        <source>已办结</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="28" />
        <location filename="../../hall_client/gui/sync/cases.py" line="34" />
        <source>不予许可</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="31" />
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="32" />
        <source>已通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="33" />
        <source>退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="35" />
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="38" />
        <source>正常</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="39" />
        <source>黄牌</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="40" />
        <source>红牌</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="41" />
        <source>暂停计时</source>
        <translation>Clock stopped</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="42" />
        <source>未知</source>
        <translation>Unknown</translation>
    </message>
</context>
<context>
    <name>ServerCasesWorkspace</name>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="63" />
        <source>提醒</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="64" />
        <source>⚠ 同步问题</source>
        <translation>⚠ Sync problem</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="65" />
        <source>案件号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="66" />
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="67" />
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="68" />
        <source>服务器状态</source>
        <translation>Server status</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="69" />
        <location filename="../../hall_client/gui/sync/cases.py" line="81" />
        <source>预警</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="70" />
        <source>承诺办结日</source>
        <translation>Promised date</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="76" />
        <source>环节</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="77" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="78" />
        <source>办理人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="79" />
        <source>意见</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="80" />
        <source>到期日</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="89" />
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="94" />
        <source>服务器上的办理环节与意见</source>
        <translation>Steps and opinions on the server</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="147" />
        <source>{kind}：{reason}（本窗口的记录与服务器不一致，服务器为准：{status}）</source>
        <translation>{kind}: {reason} (this counter disagrees with the server; the server holds: {status})</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/cases.py" line="150" />
        <source>{kind}：{reason}</source>
        <translation>{kind}: {reason}</translation>
    </message>
</context>
<context>
    <name>ServerPasswordDialog</name>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="56" />
        <source>登录中心服务器</source>
        <translation>Sign in to the central server</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="64" />
        <source>中心服务器需要 {name} 再次输入密码，才能继续同步。离线办理不受影响。</source>
        <translation>The central server needs {name} to enter the password again to keep syncing. Offline work is not affected.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="66" />
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="70" />
        <source>登录 (Enter)</source>
        <translation>Sign in (Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="71" />
        <source>稍后 (Esc)</source>
        <translation>Later (Esc)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="78" />
        <source>请输入密码</source>
        <translation>Enter the password</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="80" />
        <source>正在登录…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="85" />
        <source>中心服务器拒绝了登录，请检查密码</source>
        <translation>The central server refused the sign-in; check the password</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../hall_client/gui/completion/signature_pad.py" line="18" />
        <source>签名板</source>
        <translation>Signature pad</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/signature_pad.py" line="68" />
        <source>请领取人在此签名</source>
        <translation>Collector signs here</translation>
    </message>
</context>
<context>
    <name>SpoilDialog</name>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="426" />
        <source>作废换号</source>
        <translation>Spoil and take a new number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="428" />
        <source>已打印的票据作废须值班主任当场批准；未出纸的票据只填原因</source>
        <translation>Spoiling a printed receipt needs a supervisor's approval on the spot; for a receipt that never came out, give the reason only</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="431" />
        <source>作废原因：</source>
        <translation>Reason for spoiling:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="433" />
        <source>批准人（值班主任）用户名：</source>
        <translation>Approving supervisor (username):</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="433" />
        <source>批准人密码：</source>
        <translation>Supervisor password:</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../hall_client/gui/app.py" line="45" />
        <source>正在打开本地数据库…</source>
        <translation>Opening the local database…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/app.py" line="62" />
        <source>无法启动</source>
        <translation>Cannot start</translation>
    </message>
</context>
<context>
    <name>StockPanel</name>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="91" />
        <location filename="../../hall_client/gui/cashier/stock.py" line="105" />
        <source>票据代码</source>
        <translation>Stock code</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="92" />
        <source>起始号码</source>
        <translation>First number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="93" />
        <source>终止号码</source>
        <translation>Last number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="94" />
        <source>总数</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="95" />
        <source>已发放</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="96" />
        <source>已打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="97" />
        <source>作废</source>
        <translation>Spoiled</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="98" />
        <source>待确认</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="99" />
        <source>收费员手中未用</source>
        <translation>Unused with cashiers</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="100" />
        <source>库存空白</source>
        <translation>Blank in stock</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="103" />
        <source>收费员</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="106" />
        <source>号码段</source>
        <translation>Numbers</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="108" />
        <source>下一张</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="116" />
        <source>入库（领入票据）…</source>
        <translation>Receive stock…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="118" />
        <source>缴回选中…</source>
        <translation>Hand in selected…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="119" />
        <source>作废（核销）选中的未用票据…</source>
        <translation>Write off unused numbers of selected…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="166" />
        <source>8 位数字</source>
        <translation>8 digits</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="167" />
        <location filename="../../hall_client/gui/cashier/stock.py" line="168" />
        <source>10 位数字</source>
        <translation>10 digits</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="169" />
        <source>票据入库</source>
        <translation>Receive receipt stock</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="169" />
        <location filename="../../hall_client/gui/cashier/stock.py" line="196" />
        <source>票据代码(&amp;C)：</source>
        <translation>Stock &amp;code:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="170" />
        <source>起始号码(&amp;S)：</source>
        <translation>&amp;First number:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="171" />
        <source>终止号码(&amp;E)：</source>
        <translation>Last number (&amp;E):</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="195" />
        <source>发放票据给收费员</source>
        <translation>Issue receipts to a cashier</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="195" />
        <source>收费员(&amp;P)：</source>
        <translation>Cashier (&amp;P):</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="197" />
        <source>张数(&amp;N)：</source>
        <translation>&amp;Number of receipts:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="200" />
        <source>发放 (Enter)</source>
        <translation>Issue (Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="215" />
        <source>缴回{cashier}的票据：已用号码留作存根，未用号码退回库存，可再发放。</source>
        <translation>Hand in the receipts of {cashier}: used numbers stay as stubs, unused numbers go back to stock and can be issued again.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="216" />
        <source>缴回</source>
        <translation>Hand in</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="242" />
        <source>作废（核销）未用票据</source>
        <translation>Write off unused receipts</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="243" />
        <source>原因(&amp;R)：</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="117" />
        <source>发放给收费员…</source>
        <translation>Issue to cashier…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="125" />
        <source>票据库存（每批）</source>
        <translation>Receipt stock (per batch)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="127" />
        <source>收费员手中的票据（使用中）</source>
        <translation>Receipts with cashiers (in use)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="172" />
        <source>来源：</source>
        <translation>Source:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="175" />
        <source>入库 (Enter)</source>
        <translation>Receive (Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="176" />
        <source>已领入票据</source>
        <translation>Stock received</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="201" />
        <source>已发放票据</source>
        <translation>Receipts issued</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="206" />
        <source>请先选中一条使用中的领用记录</source>
        <translation>Select an issue in use first</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="214" />
        <source>缴回票据</source>
        <translation>Hand in receipts</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="221" />
        <source>已缴回</source>
        <translation>Handed in</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="244" />
        <source>批准人（另一位值班主任）：</source>
        <translation>Approver (another supervisor):</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="245" />
        <source>批准人密码：</source>
        <translation>Approver password:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="246" />
        <source>作废未用号码</source>
        <translation>Write off unused numbers</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="247" />
        <source>已核销</source>
        <translation>Written off</translation>
    </message>
</context>
<context>
    <name>Supervision</name>
    <message>
        <location filename="../../hall_client/gui/supervision/common.py" line="118" />
        <source>连不上中心服务器，或本窗口尚未登记。请检查网络，稍后重试；如仍不行，请联系管理员。</source>
        <translation>Cannot reach the central server, or this counter is not registered. Check the network and try again later; if it still fails, ask the administrator.</translation>
    </message>
</context>
<context>
    <name>SupervisionLabels</name>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="16" />
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="16" />
        <source>补正中</source>
        <translation>Awaiting correction</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="16" />
        <source>特别程序</source>
        <translation>Special procedure</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="17" />
        <source>待领证</source>
        <translation>Awaiting collection</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="17" />
        <source>已办结</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="18" />
        <source>不予许可</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="23" />
        <source>红牌（逾期）</source>
        <translation>Red (overdue)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="23" />
        <source>黄牌（临期）</source>
        <translation>Yellow (due soon)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="23" />
        <source>正常</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="24" />
        <source>暂停计时</source>
        <translation>Clock stopped</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="24" />
        <source>日历未发布</source>
        <translation>Calendar not published</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="24" />
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="25" />
        <source>按期完成</source>
        <translation>Done on time</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="25" />
        <source>逾期完成</source>
        <translation>Done late</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="25" />
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="30" />
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="30" />
        <source>事项</source>
        <translation>Service item</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="30" />
        <source>经办人</source>
        <translation>Handlers</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="31" />
        <source>窗口</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="31" />
        <source>工作人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="36" />
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="36" />
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="36" />
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="37" />
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="37" />
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="42" />
        <source>好评</source>
        <translation>Good rating</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="42" />
        <source>整改中</source>
        <translation>Loop open</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="42" />
        <source>已闭环</source>
        <translation>Loop closed</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="43" />
        <source>申诉成立，已作废</source>
        <translation>Appeal upheld, voided</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="48" />
        <source>待裁定</source>
        <translation>Awaiting decision</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="48" />
        <source>申诉成立</source>
        <translation>Appeal upheld</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="48" />
        <source>申诉驳回</source>
        <translation>Appeal refused</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="53" />
        <source>先批后录</source>
        <translation>Approved before recorded</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="53" />
        <source>多次退回</source>
        <translation>Repeated returns</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="54" />
        <source>超长停止计时</source>
        <translation>Long clock stop</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="55" />
        <source>不予许可无实质理由</source>
        <translation>Refusal without a real reason</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="56" />
        <source>收费与事项标准不符</source>
        <translation>Fee differs from the item rules</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="57" />
        <source>申请人离开后作废票据</source>
        <translation>Receipt voided after the applicant left</translation>
    </message>
</context>
<context>
    <name>SupervisionWorkspace</name>
    <message>
        <location filename="../../hall_client/gui/supervision/workspace.py" line="39" />
        <source>监察看板</source>
        <translation>Live board</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/workspace.py" line="40" />
        <source>绩效排名</source>
        <translation>Performance</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/workspace.py" line="41" />
        <source>好差评</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/workspace.py" line="42" />
        <source>异常件</source>
        <translation>Abnormal cases</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/workspace.py" line="43" />
        <source>痕迹管理</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/workspace.py" line="45" />
        <source>收费报表</source>
        <translation>Cashier reports</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/workspace.py" line="48" />
        <source>票据库存</source>
        <translation>Receipt stock</translation>
    </message>
</context>
<context>
    <name>SyncKinds</name>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="28" />
        <source>受理件</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="29" />
        <source>材料影像</source>
        <translation>Page image</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="30" />
        <source>窗口环节</source>
        <translation>Window step</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="31" />
        <source>缴费</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="32" />
        <source>作废收款</source>
        <translation>Voided payment</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="33" />
        <source>退款</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="34" />
        <source>评价</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="35" />
        <source>制证</source>
        <translation>Licence issued</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="36" />
        <source>证照文件</source>
        <translation>Licence file</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="37" />
        <source>撤销证照</source>
        <translation>Revoke licence</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="38" />
        <source>电子票据</source>
        <translation>Electronic receipt</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="39" />
        <source>取件码短信</source>
        <translation>Collection code SMS</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="40" />
        <source>网上预审结果</source>
        <translation>Online pre-check decision</translation>
    </message>
</context>
<context>
    <name>SyncNotices</name>
    <message>
        <location filename="../../hall_client/gui/sync/notices.py" line="14" />
        <source>审批通过：请通知申请人缴费、领取证照</source>
        <translation>Approved: call the applicant to pay and collect</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/notices.py" line="15" />
        <source>案件被退回</source>
        <translation>Case returned</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/notices.py" line="16" />
        <source>需要申请人补正材料</source>
        <translation>The applicant must correct materials</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/notices.py" line="17" />
        <source>不予许可</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/notices.py" line="20" />
        <source>★ 已批准</source>
        <translation>★ Approved</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/notices.py" line="21" />
        <source>↩ 退回</source>
        <translation>↩ Returned</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/notices.py" line="22" />
        <source>✎ 要补正</source>
        <translation>✎ Correction</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/notices.py" line="23" />
        <source>✖ 不予许可</source>
        <translation>✖ Refused</translation>
    </message>
</context>
<context>
    <name>SyncProblemsDialog</name>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="95" />
        <source>同步问题</source>
        <translation>Sync problems</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="98" />
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="99" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="100" />
        <source>情况</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="100" />
        <source>冲突</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="101" />
        <source>被拒收</source>
        <translation>Refused by server</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="102" />
        <source>服务器的说明</source>
        <translation>Server's reason</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="111" />
        <source>重新排队 (F5)</source>
        <translation>Queue again (F5)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="114" />
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="117" />
        <source>中心服务器拒收的消息不会阻塞其他案件；纠正原因后可重新排队。</source>
        <translation>Messages the central server refused do not hold up other cases; fix the cause, then queue them again.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="139" />
        <source>服务器上的状态：{status}</source>
        <translation>Status on the server: {status}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/dialogs.py" line="141" />
        <source>本窗口：
{local}

服务器：{code}
{reason}
{server}</source>
        <translation>This counter:
{local}

Server: {code}
{reason}
{server}</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <location filename="../../hall_client/gui/sync/status_bar.py" line="41" />
        <location filename="../../hall_client/gui/sync/status_bar.py" line="87" />
        <source>中心服务器：检测中…</source>
        <translation>Central server: checking…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/status_bar.py" line="53" />
        <source>登录服务器</source>
        <translation>Sign in to server</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/status_bar.py" line="54" />
        <source>中心服务器需要再次输入密码才能同步</source>
        <translation>The central server needs the password again to sync</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/status_bar.py" line="58" />
        <source>同步 (Ctrl+Shift+S)</source>
        <translation>Sync (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/status_bar.py" line="59" />
        <source>立即与中心服务器同步</source>
        <translation>Sync with the central server now</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/status_bar.py" line="75" />
        <source>已连接（未登记）</source>
        <translation>Online (not registered)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/status_bar.py" line="76" />
        <source>中心服务器 {url} 已连接，但本窗口尚未登记，不同步</source>
        <translation>Central server {url} is reachable, but this counter is not registered: no sync</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/status_bar.py" line="79" />
        <source>未连接（未登记）</source>
        <translation>Offline (not registered)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/status_bar.py" line="80" />
        <source>中心服务器 {url} 未连接；本窗口尚未登记，数据保存在本地</source>
        <translation>Central server {url} not connected; this counter is not registered, data stays on this PC</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/status_bar.py" line="84" />
        <source>明文 HTTP（未加密）：{url}</source>
        <translation>Plain HTTP (not encrypted): {url}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/status_bar.py" line="90" />
        <source>服务器在线</source>
        <translation>Server online</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/status_bar.py" line="93" />
        <source>服务器离线（恢复后自动同步）</source>
        <translation>Server offline (syncs when back)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/status_bar.py" line="97" />
        <source>待同步 {n} 条（{size}）</source>
        <translation>{n} waiting ({size})</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/status_bar.py" line="100" />
        <source>无待同步</source>
        <translation>Nothing waiting</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/status_bar.py" line="101" />
        <source>上次同步 {time}</source>
        <translation>Last sync {time}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/status_bar.py" line="102" />
        <source>尚未同步</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/status_bar.py" line="104" />
        <source>另一程序正在同步</source>
        <translation>Syncing in another program</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/status_bar.py" line="105" />
        <source>本机另一程序（本软件的另一个实例，或 sync run 命令）正在同步这份数据，稍后自动再同步；{last}</source>
        <translation>Another program on this PC (another copy of this application, or the sync run command) is syncing this data; this one tries again shortly. {last}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/status_bar.py" line="114" />
        <source>冲突</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/status_bar.py" line="114" />
        <source>被拒收</source>
        <translation>Refused by server</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/status_bar.py" line="115" />
        <source>⚠ {label}：{number}</source>
        <translation>⚠ {label}: {number}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/status_bar.py" line="117" />
        <source>{reason}（共 {n} 条，点击查看）</source>
        <translation>{reason} ({n} in all; click to see)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/sync/status_bar.py" line="121" />
        <source>⚠ 同步未完成：{reason}</source>
        <translation>⚠ Sync incomplete: {reason}</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="178" />
        <source>本</source>
        <translation>copy</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="179" />
        <source>件</source>
        <translation>case</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="180" />
        <source>批次</source>
        <translation>batch</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="181" />
        <source>辆</source>
        <translation>vehicle</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="182" />
        <source>次</source>
        <translation>time</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="183" />
        <source>人</source>
        <translation>person</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="184" />
        <source>份</source>
        <translation>copy</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="185" />
        <source>台</source>
        <translation>unit</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="186" />
        <source>吨</source>
        <translation>tonne</translation>
    </message>
</context>
<context>
    <name>UrgeDialog</name>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="268" />
        <source>催办 {number}</source>
        <translation>Urge {number}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="271" />
        <source>{name}（到期 {due}，{who}）</source>
        <translation>{name} (due {due}, {who})</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="274" />
        <source>全部在办环节</source>
        <translation>All open steps</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="275" />
        <source>请抓紧办理，于到期日前办结</source>
        <translation>Please act promptly and finish before the due date</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="281" />
        <source>发送催办短信 (Enter)</source>
        <translation>Send urge text (Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="289" />
        <source>事项：</source>
        <translation>Item:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="290" />
        <source>环节：</source>
        <translation>Step:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="291" />
        <source>催办内容：</source>
        <translation>Message:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="299" />
        <source>请填写催办内容</source>
        <translation>Write the urge message</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="308" />
        <source>已催办，已向 {n} 人发送短信</source>
        <translation>Urged: texts sent to {n} people</translation>
    </message>
</context>
</TS>