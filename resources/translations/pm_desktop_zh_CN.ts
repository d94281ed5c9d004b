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
        <source>The database {path} is damaged and cannot be opened. Restore it from a backup (pm-desktop db backup makes one).</source>
        <translation>数据库 {path} 已损坏，无法打开。请从备份恢复（可用 pm-desktop db backup 创建备份）。</translation>
    </message>
    <message>
        <source>The database {path} cannot be written: the file or its folder is read-only. Choose another file with --db, or change its permissions.</source>
        <translation>数据库 {path} 无法写入：文件或其所在文件夹是只读的。请用 --db 选择其他文件，或修改其权限。</translation>
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
        <source>The database {path} cannot be opened.</source>
        <translation>无法打开数据库 {path}。</translation>
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
        <source>&amp;Rename Project…</source>
        <translation>重命名项目(&amp;R)…</translation>
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
        <source>e.g. 华东制造集团数字化转型咨询</source>
        <translation>例如：华东制造集团数字化转型咨询</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>已确定</translation>
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
