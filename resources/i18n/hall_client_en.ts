<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AbnormalPanel</name>
    <message>
        <location filename="../../hall_client/gui/supervision/abnormal.py" line="24"/>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/abnormal.py" line="31"/>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/abnormal.py" line="32"/>
        <source>受理编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/abnormal.py" line="33"/>
        <source>事项</source>
        <translation>Service item</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/abnormal.py" line="34"/>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/abnormal.py" line="35"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/abnormal.py" line="36"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/abnormal.py" line="48"/>
        <source>本机尚未登录中心服务器</source>
        <translation>This counter is not signed in to the central server</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/abnormal.py" line="57"/>
        <source>异常 {n} 条，涉及 {cases} 件</source>
        <translation>{n} flags on {cases} cases</translation>
    </message>
</context>
<context>
    <name>AddPersonDialog</name>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="114"/>
        <source>添加人员</source>
        <translation>Add person</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="124"/>
        <source>用户名：</source>
        <translation>Username:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="125"/>
        <source>姓名：</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="126"/>
        <source>初始密码：</source>
        <translation>Initial password:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="127"/>
        <source>角色：</source>
        <translation>Roles:</translation>
    </message>
</context>
<context>
    <name>AdminWorkspace</name>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="150"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="151"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="152"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="154"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="155"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="156"/>
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="159"/>
        <source>添加人员…</source>
        <translation>Add person…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="161"/>
        <source>解锁所选账号</source>
        <translation>Unlock selected account</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="163"/>
        <source>导入事项目录…</source>
        <translation>Import catalog…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="165"/>
        <source>导出事项目录…</source>
        <translation>Export catalog…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="168"/>
        <source>本窗口的人员与角色</source>
        <translation>Staff and roles at this counter</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="174"/>
        <source>事项目录：导入 JSON 或 Excel 文件（整份校验，有任何错误则不导入）；修改过的事项生成新版本</source>
        <translation>Catalog: import a JSON or Excel file (checked whole; nothing is imported if anything is wrong); changed items get a new version</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="222"/>
        <source>导入事项目录</source>
        <translation>Import catalog</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="223"/>
        <source>事项目录 (*.json *.xlsx)</source>
        <translation>Catalog (*.json *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="228"/>
        <source>导出事项目录</source>
        <translation>Export catalog</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="229"/>
        <source>Excel 工作簿 (*.xlsx);;JSON (*.json)</source>
        <translation>Excel workbook (*.xlsx);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="242"/>
        <source>{file}：导入完成，{summary}</source>
        <translation>{file}: imported. {summary}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="252"/>
        <source>……另有 {n} 处问题</source>
        <translation>… and {n} more problems</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="253"/>
        <source>未导入任何内容：</source>
        <translation>Nothing was imported:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="255"/>
        <source>正在校验并导入 {file}…</source>
        <translation>Checking and importing {file}…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="266"/>
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="269"/>
        <source>操作未完成</source>
        <translation>Not done</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="227"/>
        <source>退款</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="227"/>
        <source>作废收款</source>
        <translation>Void payment</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="229"/>
        <source>{payer}&#x3000;{case}&#x3000;实收 {total}&#x3000;已退 {refunded}&#x3000;票据 {receipts}</source>
        <translation>{payer} · {case} · paid {total} · refunded {refunded} · receipts {receipts}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="240"/>
        <source>退款金额（元）：</source>
        <translation>Refund amount (yuan):</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="241"/>
        <source>退款方式：</source>
        <translation>Refund method:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="242"/>
        <source>银行流水号：</source>
        <translation>Bank reference:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="245"/>
        <source>原因：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="250"/>
        <source>批准人（值班主任）用户名：</source>
        <translation>Approving supervisor (username):</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="251"/>
        <source>批准人密码：</source>
        <translation>Supervisor password:</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="52"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="53"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="54"/>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="56"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="57"/>
        <source>窗口</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="58"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="59"/>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="60"/>
        <source>变更</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="60"/>
        <source>前：{before}
后：{after}</source>
        <translation>Before: {before}
After: {after}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="66"/>
        <source>姓名或用户名</source>
        <translation>Name or user name</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="68"/>
        <source>如 payment、rating</source>
        <translation>e.g. payment, rating</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="70"/>
        <source>对象类型或编号</source>
        <translation>Object type or id</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="72"/>
        <source>按时间</source>
        <translation>By time</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="78"/>
        <source>查询 (Enter)</source>
        <translation>Search (Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="83"/>
        <source>校验审计链 (F8)</source>
        <translation>Verify audit chain (F8)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="86"/>
        <source>导出 xlsx (Ctrl+E)</source>
        <translation>Export xlsx (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="89"/>
        <source>人员：</source>
        <translation>Person:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="91"/>
        <source>操作：</source>
        <translation>Action:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="93"/>
        <source>对象：</source>
        <translation>Object:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="98"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="107"/>
        <source>痕迹管理：所有操作的审计记录（只增不改，哈希链防篡改）</source>
        <translation>Audit trail: every action recorded (append-only, hash-chained against tampering)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="132"/>
        <source>结束日期早于开始日期</source>
        <translation>The end date is before the start date</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="146"/>
        <source>找到 {n} 条记录</source>
        <translation>{n} entries found</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="150"/>
        <source>正在校验…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="165"/>
        <source>导出审计记录</source>
        <translation>Export audit entries</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="174"/>
        <source>审计记录</source>
        <translation>Audit entries</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/audit_viewer.py" line="175"/>
        <source>已导出 {n} 条到 {path}</source>
        <translation>Exported {n} entries to {path}</translation>
    </message>
</context>
<context>
    <name>AuditWorkspace</name>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="54"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="55"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="57"/>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="58"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="59"/>
        <source>窗口</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="60"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="61"/>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="62"/>
        <source>变更</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="63"/>
        <source>前：{before}
后：{after}</source>
        <translation>Before: {before}
After: {after}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="69"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="71"/>
        <source>校验审计链</source>
        <translation>Verify audit chain</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="75"/>
        <source>痕迹管理：所有操作的审计记录（只增不改，哈希链防篡改）</source>
        <translation>Audit trail: every action recorded (append-only, hash-chained against tampering)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/workspaces.py" line="97"/>
        <source>正在校验…</source>
        <translation>Verifying…</translation>
    </message>
</context>
<context>
    <name>BoardPanel</name>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="40"/>
        <location filename="../../hall_client/gui/supervision/board.py" line="80"/>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="39"/>
        <location filename="../../hall_client/gui/supervision/board.py" line="80"/>
        <source>事项</source>
        <translation>Service item</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="37"/>
        <source>预警</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="38"/>
        <source>受理编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="41"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="42"/>
        <source>在办环节</source>
        <translation>Open steps</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="43"/>
        <source>环节到期</source>
        <translation>Step due</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="44"/>
        <source>承诺办结日</source>
        <translation>Promised date</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="44"/>
        <source>未定</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="45"/>
        <source>剩余工作日</source>
        <translation>Working days left</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="46"/>
        <location filename="../../hall_client/gui/supervision/board.py" line="81"/>
        <source>经办人</source>
        <translation>Handlers</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="47"/>
        <location filename="../../hall_client/gui/supervision/board.py" line="81"/>
        <source>窗口</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="48"/>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="85"/>
        <location filename="../../hall_client/gui/supervision/board.py" line="162"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="91"/>
        <source>查找受理编号、项目…</source>
        <translation>Find case number, project…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="94"/>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="96"/>
        <source>催办 (F6)</source>
        <translation>Urge (F6)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="99"/>
        <source>办理历史 (F7)</source>
        <translation>History (F7)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="189"/>
        <source>在办 {n} 件：红牌 {red} 件，黄牌 {yellow} 件</source>
        <translation>{n} open cases: {red} red, {yellow} yellow</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="204"/>
        <source>本机尚未登录中心服务器，看板无法取数</source>
        <translation>This counter is not signed in to the central server; the board cannot load</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="206"/>
        <source>离线：显示的是 {time} 的数据（{why}），恢复连接后自动刷新</source>
        <translation>Offline: showing data from {time} ({why}); refreshes automatically when the link is back</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="210"/>
        <source>无法取得看板数据：{why}</source>
        <translation>Could not load the board: {why}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="212"/>
        <source>已更新 {time}，每 30 秒自动刷新</source>
        <translation>Updated {time}; refreshes every 30 seconds</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="216"/>
        <source>正在从中心服务器取数…</source>
        <translation>Loading from the central server…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="229"/>
        <source>请先在表中选中要催办的受理件</source>
        <translation>Select the case to urge in the table first</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="238"/>
        <source>请先在表中选中受理件</source>
        <translation>Select a case in the table first</translation>
    </message>
</context>
<context>
    <name>CashierReports</name>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="73"/>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="73"/>
        <source>收费项目编码</source>
        <translation>Fee code</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="74"/>
        <source>收费项目</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="74"/>
        <source>笔数</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="75"/>
        <location filename="../../hall_client/gui/cashier/reports.py" line="101"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="79"/>
        <source>退款 {refunds} 元；实收合计 {total} 元；已打印票据 {printed} 张，作废 {spoiled} 张</source>
        <translation>Refunds {refunds} yuan; net total {total} yuan; receipts printed {printed}, spoiled {spoiled}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="84"/>
        <source>月汇总 {year}年{month}月</source>
        <translation>Monthly summary {year}-{month}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="86"/>
        <source>月汇总</source>
        <translation>Monthly summary</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="89"/>
        <source>收费员</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="90"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="90"/>
        <source>收款笔数</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="91"/>
        <source>作废笔数</source>
        <translation>Voided</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="91"/>
        <source>退款金额</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="92"/>
        <source>已打印票据</source>
        <translation>Receipts printed</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="92"/>
        <source>作废票据</source>
        <translation>Receipts spoiled</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="93"/>
        <source>现金差异</source>
        <translation>Cash difference</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="95"/>
        <source>日结清</source>
        <translation>Daily settlement</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="95"/>
        <source>周对账</source>
        <translation>Weekly reconciliation</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="100"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="100"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="101"/>
        <source>流水号</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="102"/>
        <source>缴款人</source>
        <translation>Payer</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="103"/>
        <source>已对上</source>
        <translation>Matched</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="105"/>
        <source>银行有、本机无</source>
        <translation>Bank only</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="107"/>
        <source>本机有、银行无</source>
        <translation>Ours only</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="109"/>
        <source>银行对账</source>
        <translation>Bank match</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="110"/>
        <source>银行流水 {n} 笔：对上 {ok} 笔，银行有本机无 {bank} 笔，本机有银行无 {ours} 笔</source>
        <translation>{n} bank lines: {ok} matched, {bank} bank only, {ours} ours only</translation>
    </message>
</context>
<context>
    <name>CashierReportsPanel</name>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="130"/>
        <source>日结清</source>
        <translation>Daily settlement</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="130"/>
        <source>周对账</source>
        <translation>Weekly reconciliation</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="130"/>
        <source>月汇总</source>
        <translation>Monthly summary</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="137"/>
        <source>银行流水 CSV…</source>
        <translation>Bank statement CSV…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="140"/>
        <source>生成报表 (Enter)</source>
        <translation>Run report (Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="143"/>
        <source>导出 xlsx (Ctrl+E)</source>
        <translation>Export xlsx (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="145"/>
        <source>打印 A4 (Ctrl+P)</source>
        <translation>Print A4 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="148"/>
        <source>报表：</source>
        <translation>Report:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="150"/>
        <source>日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="193"/>
        <source>选择银行流水</source>
        <translation>Choose bank statement</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="210"/>
        <source>正在生成…</source>
        <translation>Running…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="224"/>
        <source>共 {n} 行</source>
        <translation>{n} rows</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="228"/>
        <source>请先生成报表，再导出</source>
        <translation>Run the report first, then export</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="231"/>
        <source>导出报表</source>
        <translation>Export report</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="238"/>
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="243"/>
        <source>请先生成报表，再打印</source>
        <translation>Run the report first, then print</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/reports.py" line="251"/>
        <source>已打印 {n} 页</source>
        <translation>Printed {n} pages</translation>
    </message>
</context>
<context>
    <name>CashierWorkspace</name>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="269"/>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="319"/>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="270"/>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="320"/>
        <source>交款人</source>
        <translation>Payer</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="271"/>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="272"/>
        <source>应收金额</source>
        <translation>Amount due</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="282"/>
        <source>收款后在此预览票据（与打印完全一致）</source>
        <translation>After payment the receipt is previewed here (exactly as printed)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="291"/>
        <source>开班(&amp;O)</source>
        <translation>&amp;Open till</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="293"/>
        <source>盲点</source>
        <translation>Blind count</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="294"/>
        <source>收款(&amp;P) F2</source>
        <translation>&amp;Pay  F2</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="296"/>
        <source>重打(&amp;R)</source>
        <translation>&amp;Reprint</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="298"/>
        <source>作废换号(&amp;V)</source>
        <translation>Spoil, new &amp;number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="300"/>
        <source>X 报表(&amp;X)</source>
        <translation>&amp;X report</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="302"/>
        <source>日结(&amp;Z)</source>
        <translation>&amp;Z close</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="304"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="311"/>
        <source>收款</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="318"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="321"/>
        <source>实收</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="322"/>
        <source>已退</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="323"/>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="324"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="324"/>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="325"/>
        <source>已收</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="326"/>
        <source>票据</source>
        <translation>Receipts</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="330"/>
        <source>作废收款…</source>
        <translation>Void payment…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="332"/>
        <source>退款…</source>
        <translation>Refund…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="339"/>
        <source>作废限本班当天；退款可针对任一日的收款，均须值班主任批准</source>
        <translation>Voids: same day and session only; refunds: any day. Both need a supervisor&apos;s approval</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="350"/>
        <source>待收费</source>
        <translation>Waiting to pay</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="351"/>
        <source>收款记录</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="352"/>
        <source>票据库存</source>
        <translation>Receipt stock</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="386"/>
        <source>未开班</source>
        <translation>Till not open</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="389"/>
        <source>第 {n} 班&#x3000;备用金 {f}</source>
        <translation>Session {n}&#x3000;float {f}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="398"/>
        <source>票据代码</source>
        <translation>Stock code</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="398"/>
        <source>号码段</source>
        <translation>Numbers</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="398"/>
        <source>已打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="398"/>
        <source>作废</source>
        <translation>Spoiled</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="398"/>
        <source>待确认</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="399"/>
        <source>在手未用</source>
        <translation>Unused with cashiers</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="399"/>
        <source>库存</source>
        <translation>In stock</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="404"/>
        <source>票据 {code} {number:010d} 尚未确认打印：请“重打”或作废换号</source>
        <translation>Receipt {code} {number:010d} was never confirmed printed: reprint it, or spoil it and take a new number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="414"/>
        <source>请先在“收款记录”中选择一笔收款</source>
        <translation>Select a payment under Payments first</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="441"/>
        <source>已作废该笔收款，票据已记作废，办件回到待收费队列</source>
        <translation>Payment voided; its receipt is recorded as spoiled and the case is back in the queue</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="457"/>
        <source>已退款 {amount}</source>
        <translation>Refunded {amount}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="464"/>
        <source>开班</source>
        <translation>Open till</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="464"/>
        <source>备用金（元）</source>
        <translation>Opening float (yuan)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="487"/>
        <source>X 报表&#x3000;第 {n} 班</source>
        <translation>X report&#x3000;session {n}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="489"/>
        <source>{method}：{amount}</source>
        <translation>{method}: {amount}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="492"/>
        <source>应有现金：{e}</source>
        <translation>Expected cash: {e}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="493"/>
        <source>收款 {p} 笔&#x3000;作废 {v} 笔&#x3000;退款 {r} 笔&#x3000;重打 {x} 次</source>
        <translation>{p} payments&#x3000;{v} voided&#x3000;{r} refunds&#x3000;{x} reprints</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="522"/>
        <source>已日结：应有现金 {e}，差异 {d}</source>
        <translation>Closed: expected cash {e}, difference {d}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="535"/>
        <source>待收费队列为空</source>
        <translation>Nothing waiting to pay</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="554"/>
        <source>已收款，找零 {c}；正在打印…</source>
        <translation>Paid, change {c}; printing…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="567"/>
        <source>没有可打印的票据</source>
        <translation>No receipt to print</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="624"/>
        <source>已打印 {n}</source>
        <translation>Printed {n}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="613"/>
        <source>未配置打印机（settings.toml [printer] uri），仅预览 {n}</source>
        <translation>No printer set (settings.toml [printer] uri); preview only {n}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="624"/>
        <source>已重打 {n}</source>
        <translation>Reprinted {n}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="642"/>
        <source>没有可作废的票据</source>
        <translation>No receipt to spoil</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="644"/>
        <source>作废换号</source>
        <translation>Spoil and take a new number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="644"/>
        <source>作废原因</source>
        <translation>Reason for spoiling</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="649"/>
        <source>打印失败</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="650"/>
        <source>没有出纸：重打同一号码</source>
        <translation>Nothing came out: print the same number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="651"/>
        <source>出纸有误：作废并换号</source>
        <translation>Paper came out wrong: spoil it and take a new number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="652"/>
        <source>稍后处理</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="657"/>
        <source>打印失败，出纸有误</source>
        <translation>Printing failed, paper came out wrong</translation>
    </message>
</context>
<context>
    <name>CatalogBrowser</name>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="36"/>
        <source>{n} 个工作日</source>
        <translation>{n} working days</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="39"/>
        <source>事项编码</source>
        <translation>Item code</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="40"/>
        <source>事项名称</source>
        <translation>Service item</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="41"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="42"/>
        <source>实施部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="43"/>
        <source>法定时限</source>
        <translation>Legal limit</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="44"/>
        <source>承诺时限</source>
        <translation>Promised limit</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="61"/>
        <source>按事项名称、编码或部门搜索</source>
        <translation>Search by item name, code or department</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="71"/>
        <source>打印一次性告知单…</source>
        <translation>Print one-time notice…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="75"/>
        <source>搜索：</source>
        <translation>Search:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="109"/>
        <source>共 {n} 项</source>
        <translation>{n} items</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="115"/>
        <source>&lt;p&gt;没有符合条件的事项。&lt;/p&gt;</source>
        <translation>&lt;p&gt;No matching items.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="162"/>
        <source>打印失败</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="162"/>
        <source>一次性告知单未能打印：{error}</source>
        <translation>The one-time notice was not printed: {error}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/catalog_browser.py" line="182"/>
        <source>打印一次性告知单</source>
        <translation>Print one-time notice</translation>
    </message>
</context>
<context>
    <name>ClerkWorkspace</name>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="72"/>
        <source>选择事项，或输入名称、编码查找</source>
        <translation>Choose an item, or type part of its name or code</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="79"/>
        <source>受理时生成的办件编号</source>
        <translation>Case number given at acceptance</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="82"/>
        <source>单位全称或个人姓名</source>
        <translation>Full name of the organisation or person</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="84"/>
        <source>事项：</source>
        <translation>Service item:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="85"/>
        <source>办件编号：</source>
        <translation>Case number:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="86"/>
        <source>交款人：</source>
        <translation>Payer:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="89"/>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="181"/>
        <source>收费项目</source>
        <translation>Fee items</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="97"/>
        <source>提交收费核定，送收费窗口</source>
        <translation>Send the assessment to the cashier</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="100"/>
        <source>先选择事项，再填写各收费项目的计费数量或基数</source>
        <translation>Choose the item first, then enter what each fee is charged on</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="117"/>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="118"/>
        <source>交款人</source>
        <translation>Payer</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="119"/>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="120"/>
        <source>应收金额</source>
        <translation>Amount due</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="121"/>
        <source>核定人</source>
        <translation>Assessed by</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="123"/>
        <source>待收费队列（收费窗口）</source>
        <translation>Waiting at the cashier</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="132"/>
        <source>收费核定：按事项的收费标准核定应收金额，减免须注明原因和政策依据</source>
        <translation>Fee assessment: amounts follow the item&apos;s fee standards; any exemption or reduction needs its reason and legal basis</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="181"/>
        <source>适用</source>
        <translation>Applies</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="181"/>
        <source>标准</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="181"/>
        <source>计费数量/基数</source>
        <translation>Quantity / base</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="182"/>
        <source>减免</source>
        <translation>Reduction</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="182"/>
        <source>减免值</source>
        <translation>Reduction value</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="182"/>
        <source>减免原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="182"/>
        <source>政策依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="183"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="196"/>
        <source>{base}（元）</source>
        <translation>{base} (yuan)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="198"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="198"/>
        <source>免收</source>
        <translation>Exempt</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="199"/>
        <source>按比例减（%）</source>
        <translation>Reduce by percent</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="200"/>
        <source>按金额减（元）</source>
        <translation>Reduce by yuan</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="235"/>
        <source>请填写“{name}”的{what}</source>
        <translation>Enter {what} for “{name}”</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="249"/>
        <source>{name}：减免值“{text}”不是数字</source>
        <translation>{name}: reduction value “{text}” is not a number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="254"/>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="262"/>
        <source>应收合计：—</source>
        <translation>Total due: —</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="273"/>
        <source>（减 {r}）</source>
        <translation> (less {r})</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="276"/>
        <source>应收合计：{total}&#x3000;{upper}</source>
        <translation>Total due: {total}  {upper}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="287"/>
        <source>请填写办件编号</source>
        <translation>Enter the case number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/clerk_workspace.py" line="301"/>
        <source>已送收费窗口：{case} {payer} 应收 {total}</source>
        <translation>Sent to the cashier: {case} {payer}, due {total}</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="182"/>
        <source>日结（Z 报表）</source>
        <translation>Z close</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="190"/>
        <source>{d} 元</source>
        <translation>{d} yuan</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="195"/>
        <source>实点与应有不符时必填</source>
        <translation>Required when the count differs from the expected cash</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="203"/>
        <source>差异原因</source>
        <translation>Reason for the difference</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="213"/>
        <source>实点现金 {counted}</source>
        <translation>Counted cash {counted}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="215"/>
        <source>&#x3000;应有 {expected}</source>
        <translation>&#x3000;expected {expected}</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../hall_client/gui/login.py" line="94"/>
        <source>首次使用：创建系统管理员</source>
        <translation>First run: create the administrator</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="95"/>
        <source>本机尚未设置任何账号。请创建第一个系统管理员账号，之后由管理员在“管理”中添加窗口受理员、收费员和值班主任。</source>
        <translation>No accounts exist on this computer yet. Create the first administrator; the administrator then adds clerks, cashiers and supervisors under Admin.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="108"/>
        <source>用户名：</source>
        <translation>Username:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="109"/>
        <source>姓名：</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="110"/>
        <source>密码（至少 8 位）：</source>
        <translation>Password (at least 8 characters):</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="111"/>
        <source>再次输入密码：</source>
        <translation>Repeat password:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="124"/>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="308"/>
        <source>办理历史 {number}</source>
        <translation>History of {number}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="311"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="312"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="313"/>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="314"/>
        <source>身份</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="315"/>
        <source>意见</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="318"/>
        <source>正在读取…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="334"/>
        <source>历史记录哈希链完整</source>
        <translation>The history hash chain is intact</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="335"/>
        <source>历史记录哈希链被破坏，请报告管理员</source>
        <translation>The history hash chain is broken; report it to the administrator</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../hall_client/gui/login.py" line="31"/>
        <source>登录 — 行政服务中心窗口客户端</source>
        <translation>Sign in — Hall Client</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="32"/>
        <source>行政服务中心窗口客户端</source>
        <translation>Hall Client</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="35"/>
        <source>{hall}&#x3000;{counter}（{id}）</source>
        <translation>{hall} · {counter} ({id})</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="40"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="44"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="50"/>
        <source>用户名：</source>
        <translation>Username:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="51"/>
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="54"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="55"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="69"/>
        <source>请输入用户名和密码</source>
        <translation>Enter username and password</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/login.py" line="72"/>
        <source>正在验证…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>LoopDetail</name>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="66"/>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="119"/>
        <source>选择一条评价查看整改闭环</source>
        <translation>Select a rating to see its closed loop</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="75"/>
        <source>写明核实、整改、答复或回访的情况</source>
        <translation>Describe the verification, rectification, answer or call-back</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="76"/>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="117"/>
        <source>登记本步完成 (Ctrl+Enter)</source>
        <translation>Record this step done (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="82"/>
        <source>申诉</source>
        <translation>Appeal</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="86"/>
        <source>裁定理由（必填）</source>
        <translation>Reason for the decision (required)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="87"/>
        <source>申诉成立</source>
        <translation>Appeal upheld</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="88"/>
        <source>驳回申诉</source>
        <translation>Refuse appeal</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="116"/>
        <source>登记“{step}”完成 (Ctrl+Enter)</source>
        <translation>Record “{step}” done (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="123"/>
        <source>{number} · {item}
{level}：“{comment}” —— 评价 {clerk}（{counter}）{day}；{state}</source>
        <translation>{number} · {item}
{level}: “{comment}” — rated {clerk} ({counter}) {day}; {state}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="132"/>
        <source>{who} 于 {day} 申诉：{reason}（{state}）</source>
        <translation>{who} appealed on {day}: {reason} ({state})</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="136"/>
        <source>{who} 裁定：{reason}</source>
        <translation>{who} decided: {reason}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="151"/>
        <source>请写明{step}的情况</source>
        <translation>Describe the {step} step</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="162"/>
        <source>裁定必须写明理由（至少 4 个字）</source>
        <translation>A decision needs a reason (at least 4 characters)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="164"/>
        <source>申诉成立后该评价作废，不计入满意率，整改闭环取消。</source>
        <translation>If upheld, the rating is voided, left out of satisfaction rates, and its loop cancelled. </translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="165"/>
        <source>驳回后该差评照常计入，整改闭环继续。</source>
        <translation>If refused, the bad rating counts and its loop goes on. </translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="166"/>
        <source>确认裁定</source>
        <translation>Confirm decision</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="166"/>
        <source>确定吗？</source>
        <translation>Continue?</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="177"/>
        <source>已保存：{state}</source>
        <translation>Saved: {state}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="32"/>
        <source>行政服务中心窗口客户端 — {hall}</source>
        <translation>Hall Client — {hall}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="39"/>
        <source>窗口受理</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="42"/>
        <source>收费</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="46"/>
        <source>监察</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="92"/>
        <source>收费报表</source>
        <translation>Cashier reports</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="51"/>
        <source>管理</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="52"/>
        <source>事项目录</source>
        <translation>Catalog</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="55"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="56"/>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="61"/>
        <source>报表(&amp;R)</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="62"/>
        <source>收费报表…</source>
        <translation>Cashier reports…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="66"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="67"/>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="72"/>
        <source>当前用户：{name}（{roles}）</source>
        <translation>User: {name} ({roles})</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="74"/>
        <source>窗口：{name}（{id}）</source>
        <translation>Counter: {name} ({id})</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="76"/>
        <source>中心服务器：检测中…</source>
        <translation>Central server: checking…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="104"/>
        <source>中心服务器：已连接 {url}</source>
        <translation>Central server: connected {url}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="108"/>
        <source>中心服务器：未连接（离线办理，恢复后自动同步）</source>
        <translation>Central server: offline (work continues; syncs when back)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="114"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="115"/>
        <source>行政服务中心窗口客户端 {version}
数据目录：{path}</source>
        <translation>Hall Client {version}
Data folder: {path}</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="81"/>
        <source>收款</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="88"/>
        <source>默认等于现金部分</source>
        <translation>Defaults to the cash part</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="100"/>
        <source>现金(&amp;C)</source>
        <translation>&amp;Cash</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="101"/>
        <source>实收现金(&amp;R)</source>
        <translation>Cash &amp;received</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="102"/>
        <source>找零</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="103"/>
        <source>转账(&amp;T)</source>
        <translation>&amp;Transfer</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="104"/>
        <source>转账流水号</source>
        <translation>Transfer reference</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="105"/>
        <source>电汇(&amp;W)</source>
        <translation>&amp;Wire</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="106"/>
        <source>电汇流水号</source>
        <translation>Wire reference</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="109"/>
        <source>确认收款 (Enter)</source>
        <translation>Confirm payment (Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="136"/>
        <source>现金</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="136"/>
        <source>转账</source>
        <translation>Bank transfer</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="136"/>
        <source>电汇</source>
        <translation>Wire</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="137"/>
        <source>实收现金</source>
        <translation>Cash received</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="153"/>
        <source>实收不足</source>
        <translation>Not enough received</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier_workspace.py" line="171"/>
        <source>各方式合计 {paid} 与应收 {due} 不符</source>
        <translation>Methods add up to {paid}, but {due} is due</translation>
    </message>
</context>
<context>
    <name>PaymentMethods</name>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="53"/>
        <source>现金</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="54"/>
        <source>转账</source>
        <translation>Bank transfer</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="55"/>
        <source>电汇</source>
        <translation>Wire</translation>
    </message>
</context>
<context>
    <name>PerformancePanel</name>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="73"/>
        <source>新上榜</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="92"/>
        <source>查询 (Enter)</source>
        <translation>Search (Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="95"/>
        <source>导出 xlsx (Ctrl+E)</source>
        <translation>Export xlsx (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="97"/>
        <source>打印 A4 (Ctrl+P)</source>
        <translation>Print A4 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="101"/>
        <source>按</source>
        <translation>by</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="109"/>
        <source>按期办结率走势</source>
        <translation>On-time rate over time</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="110"/>
        <source>按期办结率</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="138"/>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="139"/>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="139"/>
        <source>上期名次：{rank}</source>
        <translation>Previous rank: {rank}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="141"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="142"/>
        <source>办结</source>
        <translation>Concluded</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="143"/>
        <source>提前</source>
        <translation>Early</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="144"/>
        <source>按期（含提前）</source>
        <translation>On time (incl. early)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="145"/>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="146"/>
        <source>按期率</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="147"/>
        <source>提前率</source>
        <translation>Early rate</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="148"/>
        <source>逾期率</source>
        <translation>Overdue rate</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="149"/>
        <source>平均办理工作日</source>
        <translation>Avg. working days</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="151"/>
        <source>评价数</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="152"/>
        <source>满意率</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="158"/>
        <source>本机尚未登录中心服务器</source>
        <translation>This counter is not signed in to the central server</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="163"/>
        <source>正在计算…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="178"/>
        <source>全厅按期办结率</source>
        <translation>Hall on-time rate</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="179"/>
        <source>按期办结率（按{group}）</source>
        <translation>On-time rate by {group}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="185"/>
        <source>{start} 至 {end}，共办结 {n} 件；名次变化与上期（{ps} 至 {pe}）相比</source>
        <translation>{start} to {end}: {n} cases concluded; rank changes against the previous period ({ps} to {pe})</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="197"/>
        <source>请先查询，再导出</source>
        <translation>Search first, then export</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="200"/>
        <source>导出绩效排名</source>
        <translation>Export performance ranking</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="207"/>
        <source>绩效排名</source>
        <translation>Performance</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="208"/>
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="213"/>
        <source>办件绩效排名（按{group}）</source>
        <translation>Case performance ranking by {group}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="217"/>
        <source>请先查询，再打印</source>
        <translation>Search first, then print</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/performance.py" line="228"/>
        <source>已打印 {n} 页</source>
        <translation>Printed {n} pages</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../hall_client/gui/supervision/common.py" line="77"/>
        <source>日</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/common.py" line="77"/>
        <source>周</source>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/common.py" line="77"/>
        <source>月</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/common.py" line="78"/>
        <source>季度</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/common.py" line="78"/>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/common.py" line="88"/>
        <source>期间：</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/common.py" line="91"/>
        <source>至</source>
        <translation>to</translation>
    </message>
</context>
<context>
    <name>RatingScreen</name>
    <message>
        <location filename="../../hall_client/gui/supervision/rating_screen.py" line="44"/>
        <source>请您评价本次服务</source>
        <translation>Please rate our service</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/rating_screen.py" line="46"/>
        <source>请您对本次服务进行评价</source>
        <translation>Please rate the service you received</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/rating_screen.py" line="52"/>
        <source>{counter} · 工作人员 {name} · 受理编号 {number}</source>
        <translation>{counter} · served by {name} · case {number}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/rating_screen.py" line="73"/>
        <source>意见或建议（选填，差评请告诉我们原因）</source>
        <translation>Comments (optional; if unhappy, please tell us why)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/rating_screen.py" line="113"/>
        <source>感谢您的评价！（{level}）</source>
        <translation>Thank you for your rating! ({level})</translation>
    </message>
</context>
<context>
    <name>RatingsPanel</name>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="47"/>
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="48"/>
        <source>时限（工作日）</source>
        <translation>Limit (working days)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="49"/>
        <source>到期日</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="50"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="51"/>
        <source>完成日</source>
        <translation>Done on</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="52"/>
        <source>办理人</source>
        <translation>Done by</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="53"/>
        <source>情况</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="195"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="195"/>
        <source>整改中</source>
        <translation>Loop open</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="196"/>
        <source>已闭环</source>
        <translation>Loop closed</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="196"/>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="197"/>
        <source>好评</source>
        <translation>Good rating</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="199"/>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="207"/>
        <source>评价日</source>
        <translation>Rated on</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="208"/>
        <source>等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="209"/>
        <source>受理编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="210"/>
        <source>事项</source>
        <translation>Service item</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="211"/>
        <source>工作人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="212"/>
        <source>窗口</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="213"/>
        <source>闭环</source>
        <translation>Loop</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="232"/>
        <source>本机尚未登录中心服务器</source>
        <translation>This counter is not signed in to the central server</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/ratings.py" line="243"/>
        <source>共 {n} 条评价，其中差评 {bad} 条</source>
        <translation>{n} ratings, {bad} of them bad</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="42"/>
        <source>窗口受理员</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="43"/>
        <source>收费员</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="44"/>
        <source>值班主任</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="45"/>
        <source>系统管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/resources.py" line="61"/>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../hall_client/gui/app.py" line="44"/>
        <source>正在打开本地数据库…</source>
        <translation>Opening the local database…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/app.py" line="61"/>
        <source>无法启动</source>
        <translation>Cannot start</translation>
    </message>
</context>
<context>
    <name>StockPanel</name>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="73"/>
        <location filename="../../hall_client/gui/cashier/stock.py" line="86"/>
        <source>票据代码</source>
        <translation>Stock code</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="74"/>
        <source>起始号码</source>
        <translation>First number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="75"/>
        <source>终止号码</source>
        <translation>Last number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="76"/>
        <source>总数</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="77"/>
        <source>已发放</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="78"/>
        <source>已打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="79"/>
        <source>作废</source>
        <translation>Spoiled</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="80"/>
        <source>待确认</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="81"/>
        <source>收费员手中未用</source>
        <translation>Unused with cashiers</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="82"/>
        <source>库存空白</source>
        <translation>Blank in stock</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="85"/>
        <source>收费员</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="87"/>
        <source>号码段</source>
        <translation>Numbers</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="89"/>
        <source>下一张</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="97"/>
        <source>领入票据…</source>
        <translation>Receive stock…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="97"/>
        <source>发放给收费员…</source>
        <translation>Issue to cashier…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="98"/>
        <source>缴回选中</source>
        <translation>Hand in selected</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="98"/>
        <source>核销选中…</source>
        <translation>Write off selected…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="104"/>
        <source>票据库存（每批）</source>
        <translation>Receipt stock (per batch)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="106"/>
        <source>收费员手中的票据（使用中）</source>
        <translation>Receipts with cashiers (in use)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="140"/>
        <source>领入票据</source>
        <translation>Receive stock</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="140"/>
        <location filename="../../hall_client/gui/cashier/stock.py" line="154"/>
        <source>票据代码：</source>
        <translation>Stock code:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="141"/>
        <source>起始号码：</source>
        <translation>First number:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="142"/>
        <source>终止号码：</source>
        <translation>Last number:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="143"/>
        <source>来源：</source>
        <translation>Source:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="147"/>
        <source>已领入票据</source>
        <translation>Stock received</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="153"/>
        <source>发放票据</source>
        <translation>Issue receipts</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="153"/>
        <source>收费员（用户名）：</source>
        <translation>Cashier (user name):</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="155"/>
        <source>张数：</source>
        <translation>Count:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="159"/>
        <source>已发放票据</source>
        <translation>Receipts issued</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="164"/>
        <source>请先选中一条使用中的领用记录</source>
        <translation>Select an issue in use first</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="172"/>
        <source>缴回票据</source>
        <translation>Hand in receipts</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="173"/>
        <source>缴回 {cashier} 的票据，未用号码退回库存。确定吗？</source>
        <translation>Hand in the receipts of {cashier}; unused numbers go back to stock. Continue?</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="179"/>
        <source>已缴回</source>
        <translation>Handed in</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="200"/>
        <source>核销未用票据</source>
        <translation>Write off unused receipts</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="200"/>
        <source>原因：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="201"/>
        <source>批准人（另一位值班主任）：</source>
        <translation>Approver (another supervisor):</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="202"/>
        <source>批准人密码：</source>
        <translation>Approver password:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/cashier/stock.py" line="204"/>
        <source>已核销</source>
        <translation>Written off</translation>
    </message>
</context>
<context>
    <name>Supervision</name>
    <message>
        <location filename="../../hall_client/gui/supervision/common.py" line="27"/>
        <source>操作失败，请重试或联系管理员</source>
        <extracomment>Amounts, counts and rates are right-aligned (DESIGN §9).</extracomment>
        <translation>The operation failed; try again or call the administrator</translation>
    </message>
</context>
<context>
    <name>SupervisionLabels</name>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="16"/>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="16"/>
        <source>补正中</source>
        <translation>Awaiting correction</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="16"/>
        <source>特别程序</source>
        <translation>Special procedure</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="17"/>
        <source>待领证</source>
        <translation>Awaiting collection</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="17"/>
        <source>已办结</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="18"/>
        <source>不予许可</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="23"/>
        <source>红牌（逾期）</source>
        <translation>Red (overdue)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="23"/>
        <source>黄牌（临期）</source>
        <translation>Yellow (due soon)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="23"/>
        <source>正常</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="24"/>
        <source>暂停计时</source>
        <translation>Clock stopped</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="24"/>
        <source>日历未发布</source>
        <translation>Calendar not published</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="24"/>
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="25"/>
        <source>按期完成</source>
        <translation>Done on time</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="25"/>
        <source>逾期完成</source>
        <translation>Done late</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="25"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="30"/>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="30"/>
        <source>事项</source>
        <translation>Service item</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="30"/>
        <source>经办人</source>
        <translation>Handlers</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="31"/>
        <source>窗口</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="31"/>
        <source>工作人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="36"/>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="36"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="36"/>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="37"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="37"/>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="42"/>
        <source>好评</source>
        <translation>Good rating</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="42"/>
        <source>整改中</source>
        <translation>Loop open</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="42"/>
        <source>已闭环</source>
        <translation>Loop closed</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="43"/>
        <source>申诉成立，已作废</source>
        <translation>Appeal upheld, voided</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="48"/>
        <source>待裁定</source>
        <translation>Awaiting decision</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="48"/>
        <source>申诉成立</source>
        <translation>Appeal upheld</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="48"/>
        <source>申诉驳回</source>
        <translation>Appeal refused</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="53"/>
        <source>先批后录</source>
        <translation>Approved before recorded</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="53"/>
        <source>多次退回</source>
        <translation>Repeated returns</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="54"/>
        <source>超长停止计时</source>
        <translation>Long clock stop</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="55"/>
        <source>不予许可无实质理由</source>
        <translation>Refusal without a real reason</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="56"/>
        <source>收费与事项标准不符</source>
        <translation>Fee differs from the item rules</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/labels.py" line="57"/>
        <source>申请人离开后作废票据</source>
        <translation>Receipt voided after the applicant left</translation>
    </message>
</context>
<context>
    <name>SupervisionWorkspace</name>
    <message>
        <location filename="../../hall_client/gui/supervision/workspace.py" line="39"/>
        <source>监察看板</source>
        <translation>Live board</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/workspace.py" line="40"/>
        <source>绩效排名</source>
        <translation>Performance</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/workspace.py" line="41"/>
        <source>好差评</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/workspace.py" line="42"/>
        <source>异常件</source>
        <translation>Abnormal cases</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/workspace.py" line="43"/>
        <source>痕迹管理</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/workspace.py" line="45"/>
        <source>收费报表</source>
        <translation>Cashier reports</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/workspace.py" line="48"/>
        <source>票据库存</source>
        <translation>Receipt stock</translation>
    </message>
</context>
<context>
    <name>UrgeDialog</name>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="252"/>
        <source>催办 {number}</source>
        <translation>Urge {number}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="255"/>
        <source>{name}（到期 {due}，{who}）</source>
        <translation>{name} (due {due}, {who})</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="258"/>
        <source>全部在办环节</source>
        <translation>All open steps</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="259"/>
        <source>请抓紧办理，于到期日前办结</source>
        <translation>Please act promptly and finish before the due date</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="265"/>
        <source>发送催办短信 (Enter)</source>
        <translation>Send urge text (Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="271"/>
        <source>事项：</source>
        <translation>Item:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="272"/>
        <source>环节：</source>
        <translation>Step:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="273"/>
        <source>催办内容：</source>
        <translation>Message:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="281"/>
        <source>请填写催办内容</source>
        <translation>Write the urge message</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/supervision/board.py" line="290"/>
        <source>已催办，已向 {n} 人发送短信</source>
        <translation>Urged: texts sent to {n} people</translation>
    </message>
</context>
</TS>
