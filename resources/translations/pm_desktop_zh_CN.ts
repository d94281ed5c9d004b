<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>About PM Desktop</source>
        <translation>关于 PM Desktop</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PM Desktop {version}&lt;/h3&gt;&lt;p&gt;Offline-first project management for field project managers and meeting scribes.&lt;/p&gt;&lt;p&gt;Database: {database}&lt;br&gt;Qt {qt}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PM Desktop {version}&lt;/h3&gt;&lt;p&gt;面向驻场项目经理和会议记录员的离线优先项目管理工具。&lt;/p&gt;&lt;p&gt;数据库：{database}&lt;br&gt;Qt {qt}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>PM Desktop cannot start</source>
        <translation>PM Desktop 无法启动</translation>
    </message>
</context>
<context>
    <name>EmptyWorkspace</name>
    <message>
        <source>This workspace is not available in this version yet. Data made for it elsewhere is kept in the database.</source>
        <translation>此工作区在当前版本中尚未提供。为它在别处创建的数据都保存在数据库中。</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>The file {path} is not a PM Desktop database.</source>
        <translation>文件 {path} 不是 PM Desktop 数据库。</translation>
    </message>
    <message>
        <source>The database {path} is damaged and cannot be opened. Keep a copy of it, and restore the latest backup (PM Desktop keeps one next to the file before each upgrade, named …before-upgrade…).</source>
        <translation>数据库 {path} 已损坏，无法打开。请先复制保留该文件，再恢复最近的备份（每次升级前，PM Desktop 都会在同一文件夹中保留一份名为 …before-upgrade… 的备份）。</translation>
    </message>
    <message>
        <source>The database {path} cannot be written: the file or its folder is read-only. Change its permissions, or start PM Desktop with another database file.</source>
        <translation>数据库 {path} 无法写入：文件或其所在文件夹是只读的。请修改其权限，或使用其他数据库文件启动 PM Desktop。</translation>
    </message>
    <message>
        <source>The database {path} was written by a newer version of PM Desktop. Update PM Desktop to open it; the file was not changed.</source>
        <translation>数据库 {path} 由更新版本的 PM Desktop 写入。请升级 PM Desktop 后再打开；文件未做任何改动。</translation>
    </message>
    <message>
        <source>The database {path} could not be upgraded. It was left as it was.</source>
        <translation>数据库 {path} 升级失败，已保持原样。</translation>
    </message>
    <message>
        <source>The database {path} is in use by another program. Close it and start PM Desktop again; nothing was changed.</source>
        <translation>数据库 {path} 正被其他程序占用。请关闭该程序后重新启动 PM Desktop；文件未做任何改动。</translation>
    </message>
    <message>
        <source>The database {path} cannot be opened.</source>
        <translation>无法打开数据库 {path}。</translation>
    </message>
    <message>
        <source>Another program is holding the database locked. Your change was not saved; try again in a moment.</source>
        <translation>其他程序锁定了数据库。本次修改未保存，请稍后重试。</translation>
    </message>
    <message>
        <source>The disk is full. Your change was not saved; free some space.</source>
        <translation>磁盘已满。本次修改未保存，请清理磁盘空间。</translation>
    </message>
    <message>
        <source>The database can no longer be written (read-only). Your change was not saved.</source>
        <translation>数据库已无法写入（只读）。本次修改未保存。</translation>
    </message>
    <message>
        <source>The change breaks a rule of the data and was not saved.</source>
        <translation>该修改违反了数据规则，未保存。</translation>
    </message>
    <message>
        <source>Your change could not be saved.</source>
        <translation>本次修改无法保存。</translation>
    </message>
    <message>
        <source>The action could not be completed.</source>
        <translation>操作未能完成。</translation>
    </message>
    <message>
        <source>Details: {details}</source>
        <translation>详细信息：{details}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New Project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>&amp;Rename Project…</source>
        <translation>重命名项目(&amp;R)…</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>&amp;Archive Project</source>
        <translation>归档项目(&amp;A)</translation>
    </message>
    <message>
        <source>Show &amp;Archived Projects</source>
        <translation>显示已归档项目(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About PM Desktop</source>
        <translation>关于 PM Desktop(&amp;A)</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Project:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <source>No project yet</source>
        <translation>还没有项目</translation>
    </message>
    <message>
        <source>Create a project to keep its stakeholders, team, plan and meetings. Everything is saved on this computer as you type and works without a network.</source>
        <translation>创建一个项目来管理它的干系人、团队、计划和会议。输入的内容会立即保存在本机，没有网络也能使用。</translation>
    </message>
    <message>
        <source>Create a Project…</source>
        <translation>创建项目…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>{name} (archived)</source>
        <translation>{name}（已归档）</translation>
    </message>
    <message>
        <source>Restore &amp;Archived Project</source>
        <translation>恢复已归档项目(&amp;A)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>PM Desktop</source>
        <translation>PM Desktop</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not synced</source>
        <translation>
            <numerusform>%n 项更改未同步</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes saved on this computer that the team server has not received yet.</source>
        <translation>已保存在本机、但团队服务器尚未收到的更改。</translation>
    </message>
    <message>
        <source>The database was upgraded; the file as it was is kept as {path}</source>
        <translation>数据库已升级；升级前的文件已保留为 {path}</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>PM Desktop found damage in {path}. What you see may be incomplete. Copy the file somewhere safe now and restore it from a backup.</source>
        <translation>PM Desktop 发现 {path} 已损坏，显示的内容可能不完整。请立即将该文件复制到安全位置，并从备份恢复。</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ 离线</translation>
    </message>
    <message>
        <source>Network state unknown</source>
        <translation>网络状态未知</translation>
    </message>
</context>
<context>
    <name>MinutesPdf</name>
    <message>
        <source>Meeting minutes</source>
        <translation>会议纪要</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>会议类型</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>会议时间</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>会议地点</translation>
    </message>
    <message>
        <source>Minutes taken by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>会议议程</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>会议决议</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>会议要点</translation>
    </message>
    <message>
        <source>Review of the previous meeting&apos;s actions</source>
        <translation>上次会议待办回顾</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进展记录</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Kickoff</source>
        <translation>启动会</translation>
    </message>
    <message>
        <source>Solution report</source>
        <translation>方案汇报</translation>
    </message>
    <message>
        <source>Go-live report</source>
        <translation>上线汇报</translation>
    </message>
    <message>
        <source>Acceptance</source>
        <translation>验收会</translation>
    </message>
    <message>
        <source>Weekly status</source>
        <translation>周例会</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>研讨会</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>专项会</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>出席</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺席</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>受邀</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>To be set</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>&quot;To be set&quot;: the item has no owner or no due date yet, so it is not an action yet.</source>
        <translation>“待定”：该事项尚未明确负责人或完成时间，暂不能作为行动项跟踪，请尽快补充。</translation>
    </message>
    <message>
        <source>Page {page} of {total}</source>
        <translation>第 {page} 页 / 共 {total} 页</translation>
    </message>
    <message>
        <source>{day} {month_name} {year}</source>
        <translation>{year}年{month_name}{day}日</translation>
    </message>
    <message>
        <source>January</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>February</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>March</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>April</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <source>June</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>July</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>August</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>September</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>October</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>November</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>December</source>
        <translation>12月</translation>
    </message>
    <message>
        <source>{year}-{mm}-{dd}</source>
        <comment>due date in a table</comment>
        <translation>{year}-{mm}-{dd}</translation>
    </message>
    <message>
        <source>{mm}-{dd}</source>
        <comment>date of a status change</comment>
        <translation>{mm}-{dd}</translation>
    </message>
    <message>
        <source>{start} – {end}</source>
        <translation>{start}–{end}</translation>
    </message>
    <message>
        <source>{date} {status}</source>
        <translation>{date} {status}</translation>
    </message>
    <message>
        <source> → </source>
        <translation> → </translation>
    </message>
    <message>
        <source>, </source>
        <comment>between attendees&apos; names</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>{name} ({organisation})</source>
        <translation>{name}（{organisation}）</translation>
    </message>
    <message>
        <source>({presenter})</source>
        <translation>（{presenter}）</translation>
    </message>
    <message>
        <source>({minutes} min)</source>
        <translation>（{minutes} 分钟）</translation>
    </message>
    <message>
        <source>({presenter}, {minutes} min)</source>
        <translation>（{presenter}，{minutes} 分钟）</translation>
    </message>
    <message>
        <source>{n}.</source>
        <translation>{n}.</translation>
    </message>
</context>
<context>
    <name>ProjectCommands</name>
    <message>
        <source>Create project “{name}”</source>
        <extracomment>Called after a command ran, with the project to show (None: any) and the error it met, if any.</extracomment>
        <translation>创建项目“{name}”</translation>
    </message>
    <message>
        <source>Rename project “{old}” to “{new}”</source>
        <translation>将项目“{old}”重命名为“{new}”</translation>
    </message>
    <message>
        <source>Archive project “{name}”</source>
        <translation>归档项目“{name}”</translation>
    </message>
    <message>
        <source>Restore archived project “{name}”</source>
        <translation>恢复已归档项目“{name}”</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>Product customisation (二开)</source>
        <translation>产品二次开发（二开）</translation>
    </message>
    <message>
        <source>Implementation</source>
        <translation>实施</translation>
    </message>
    <message>
        <source>Operations and maintenance</source>
        <translation>运维</translation>
    </message>
    <message>
        <source>Consulting</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Rename project</source>
        <translation>重命名项目</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>e.g. Digital transformation consulting, East China Group</source>
        <translation>例如：华东制造集团数字化转型咨询</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签订于</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation>客户(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Contract signed (T):</source>
        <translation>合同签订日期（T）：</translation>
    </message>
    <message>
        <source>A project needs a name.</source>
        <translation>项目需要一个名称。</translation>
    </message>
    <message>
        <source>A project name has at most 200 characters.</source>
        <translation>项目名称最多 200 个字符。</translation>
    </message>
</context>
<context>
    <name>Workspaces</name>
    <message>
        <source>Stakeholders</source>
        <translation>干系人</translation>
    </message>
    <message>
        <source>The stakeholder register and power/interest map: the 1W and the strong-C, attitudes, demands, touchpoints and the warnings a PM must not miss.</source>
        <translation>干系人登记表和权力/利益地图：1W 与强C、态度、诉求、接触记录，以及项目经理不可错过的预警。</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Team-composition models, responsibilities (RACI), the resource pool and cost by service-order type.</source>
        <translation>组队模型、职责分工（RACI）、资源池，以及按服务订单类型的成本测算。</translation>
    </message>
    <message>
        <source>Plan &amp; Calendar</source>
        <translation>计划与日历</translation>
    </message>
    <message>
        <source>The master plan relative to contract signing, Chinese working days, the Gantt chart and who is needed on site when.</source>
        <translation>以合同签订日为基准的主计划、中国工作日、甘特图，以及谁在何时需要到场。</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Meeting minutes captured live, 5W1H action items tracked across meetings, and PDF minutes for stakeholders.</source>
        <translation>现场记录会议纪要，跨会议跟踪 5W1H 待办事项，并为干系人生成 PDF 纪要。</translation>
    </message>
</context>
</TS>
