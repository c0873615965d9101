<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
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
    <name>CollectionDialog</name>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="135"/>
        <source>领取登记 — {number}</source>
        <translation>Collection — {number}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="139"/>
        <source>申请人本人</source>
        <translation>Applicant in person</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="140"/>
        <source>代领人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="146"/>
        <source>核验证件</source>
        <translation>Check ID</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="147"/>
        <source>短信领取码</source>
        <translation>SMS collection code</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="163"/>
        <source>选择授权委托书图片…</source>
        <translation>Choose letter of authorisation image…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="166"/>
        <source>未拍摄</source>
        <translation>Not captured</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="170"/>
        <source>核对领取码</source>
        <translation>Check code</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="177"/>
        <source>重签</source>
        <translation>Sign again</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="187"/>
        <source>领取人：</source>
        <translation>Collector:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="191"/>
        <source>核验方式：</source>
        <translation>Proof:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="192"/>
        <source>姓名：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="193"/>
        <source>证件类型：</source>
        <translation>ID type:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="194"/>
        <source>证件号码：</source>
        <translation>ID number:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="198"/>
        <source>授权委托书：</source>
        <translation>Letter of authorisation:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="203"/>
        <source>领取码：</source>
        <translation>Collection code:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="207"/>
        <source>签名：</source>
        <translation>Signature:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="208"/>
        <source>确认领取 (Enter)</source>
        <translation>Confirm collection (Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="212"/>
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="219"/>
        <source>{item} · {applicant}</source>
        <translation>{item} · {applicant}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="241"/>
        <source>授权委托书图片</source>
        <translation>Letter of authorisation image</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="242"/>
        <source>图片 (*.jpg *.jpeg *.png)</source>
        <translation>Images (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="248"/>
        <source>已拍摄（{size} KB）</source>
        <translation>Captured ({size} KB)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="271"/>
        <source>领取码正确</source>
        <translation>Code correct</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="285"/>
        <source>请填写领取人姓名</source>
        <translation>Enter the collector&apos;s name</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="287"/>
        <source>请先核对短信领取码</source>
        <translation>Check the SMS code first</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="289"/>
        <source>请填写领取人证件号码</source>
        <translation>Enter the collector&apos;s ID number</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="291"/>
        <source>代领须拍摄授权委托书</source>
        <translation>An agent needs a letter of authorisation (capture it)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="293"/>
        <source>请领取人在签名板上签名</source>
        <translation>The collector must sign on the signature pad</translation>
    </message>
</context>
<context>
    <name>CompletionWorkspace</name>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="34"/>
        <source>已缴费</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="34"/>
        <source>待缴费</source>
        <translation>Unpaid</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="34"/>
        <source>免费</source>
        <translation>No fee</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="41"/>
        <source>领取码 {time}</source>
        <translation>Code sent {time}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="42"/>
        <source>已通知</source>
        <translation>Notified</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="42"/>
        <source>未通知</source>
        <translation>Not notified</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="47"/>
        <source>不予许可</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="49"/>
        <source>已制证 {number}</source>
        <translation>Licence {number}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="51"/>
        <source>待打印 {number}</source>
        <translation>To print {number}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="52"/>
        <source>待制证</source>
        <translation>Licence to print</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="66"/>
        <source>受理号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="67"/>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="68"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="69"/>
        <source>缴费</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="70"/>
        <source>短信</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="71"/>
        <source>等待天数</source>
        <translation>Days waiting</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="72"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="86"/>
        <source>出件：审批结果回到窗口，待申请人领取</source>
        <translation>Results: approved cases back at the window, waiting for the applicant</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="92"/>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="93"/>
        <source>制证打印 (F6)</source>
        <translation>Print licence (F6)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="94"/>
        <source>发送领取码 (F7)</source>
        <translation>Send code (F7)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="95"/>
        <source>领取登记 (F8)</source>
        <translation>Collection (F8)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="150"/>
        <source>不予许可的案件：交付不予许可决定书</source>
        <translation>Refused case: hand over the refusal decision</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="153"/>
        <source>没有待领取的结果</source>
        <translation>No results waiting</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="155"/>
        <source>不予许可决定书 · 理由：{reason}
{remedies}</source>
        <translation>Refusal decision · reason: {reason}
{remedies}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="159"/>
        <source>{item} · {project}{unpaid}</source>
        <translation>{item} · {project}{unpaid}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="161"/>
        <source>
尚未缴费：请申请人先到收费窗口缴纳 {amount} 元，缴费后才能制证、领取</source>
        <translation>
Not paid: the applicant must pay {amount} yuan at the cashier before the licence can be printed or collected</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="167"/>
        <source>请先在列表中选择一个案件</source>
        <translation>Select a case in the list first</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="184"/>
        <source>该案件应收 {amount} 元尚未缴清，请先到收费窗口缴费，缴费后才能制证</source>
        <translation>{amount} yuan is still unpaid: the applicant must pay at the cashier before the licence is printed</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="205"/>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="209"/>
        <source>证照 {number} 已打印（{holder}）{reprint}</source>
        <translation>Licence {number} printed ({holder}){reprint}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="211"/>
        <source>，重打第 {n} 次</source>
        <translation>, reprint no. {n}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="227"/>
        <source>领取码已排队发送给 {number} 的申请人（联网后由中心发送短信）</source>
        <translation>Collection code queued for the applicant of {number} (the server texts it once online)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="236"/>
        <source>尚未缴费，不能领取：请先到收费窗口缴费</source>
        <translation>Not paid, cannot be collected: pay at the cashier first</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="239"/>
        <source>证照尚未打印，请先制证打印 (F6)</source>
        <translation>The licence is not printed yet: print it first (F6)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/workspace.py" line="258"/>
        <source>{number} 已由 {name} 领取，案件办结</source>
        <translation>{number} collected by {name}; case finished</translation>
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
    <name>LicenceDialog</name>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="51"/>
        <source>制证打印 — {number}</source>
        <translation>Print licence — {number}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="56"/>
        <source>证照：</source>
        <translation>Licence:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="57"/>
        <source>持证人：</source>
        <translation>Holder:</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="73"/>
        <source>打印 (Enter)</source>
        <translation>Print (Enter)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="77"/>
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="111"/>
        <source>（打印时编号）</source>
        <translation>(numbered when printed)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/dialogs.py" line="122"/>
        <source>请填写：{fields}</source>
        <translation>Please fill in: {fields}</translation>
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
    <name>MainWindow</name>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="28"/>
        <source>行政服务中心窗口客户端 — {hall}</source>
        <translation>Hall Client — {hall}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="35"/>
        <source>窗口受理</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="39"/>
        <source>出件</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="42"/>
        <source>收费</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="45"/>
        <source>监察</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="50"/>
        <source>管理</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="51"/>
        <source>事项目录</source>
        <translation>Catalog</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="54"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="55"/>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="59"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="60"/>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="65"/>
        <source>当前用户：{name}（{roles}）</source>
        <translation>User: {name} ({roles})</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="67"/>
        <source>窗口：{name}（{id}）</source>
        <translation>Counter: {name} ({id})</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="69"/>
        <source>中心服务器：检测中…</source>
        <translation>Central server: checking…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="88"/>
        <source>中心服务器：已连接 {url}</source>
        <translation>Central server: connected {url}</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="92"/>
        <source>中心服务器：未连接（离线办理，恢复后自动同步）</source>
        <translation>Central server: offline (work continues; syncs when back)</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="98"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/main_window.py" line="99"/>
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
    <name>SignaturePad</name>
    <message>
        <location filename="../../hall_client/gui/completion/signature_pad.py" line="18"/>
        <source>签名板</source>
        <translation>Signature pad</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/completion/signature_pad.py" line="68"/>
        <source>请领取人在此签名</source>
        <translation>Collector signs here</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../hall_client/gui/app.py" line="43"/>
        <source>正在打开本地数据库…</source>
        <translation>Opening the local database…</translation>
    </message>
    <message>
        <location filename="../../hall_client/gui/app.py" line="60"/>
        <source>无法启动</source>
        <translation>Cannot start</translation>
    </message>
</context>
</TS>
