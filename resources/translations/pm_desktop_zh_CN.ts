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
    <name>ActionTrackerView</name>
    <message>
        <source>Mark the selected action items “{status}”</source>
        <extracomment>Column widths in Chinese characters of the table&apos;s font (&quot;What&quot; takes the rest). The sort order a click on a column&apos;s header picks.</extracomment>
        <translation>将所选待办标记为“{status}”</translation>
    </message>
    <message>
        <source>Mark as</source>
        <translation>标记为</translation>
    </message>
    <message>
        <source>Mark as:</source>
        <translation>标记为：</translation>
    </message>
    <message>
        <source>No action items match</source>
        <translation>没有符合条件的待办</translation>
    </message>
    <message>
        <source>Nothing in this scope matches the filters. Clear them to see every open item.</source>
        <translation>当前范围内没有符合筛选条件的待办。清除筛选即可查看全部未完成事项。</translation>
    </message>
    <message>
        <source>No action items yet</source>
        <translation>还没有待办事项</translation>
    </message>
    <message>
        <source>Action items assigned in meetings appear here, with their owner and due date, so you can follow them up across meetings.</source>
        <translation>会上分派的待办事项会连同负责人和完成时间显示在这里，便于跨会议跟进。</translation>
    </message>
    <message>
        <source>The action items could not be read</source>
        <translation>无法读取待办事项</translation>
    </message>
    <message>
        <source>Action Tracker</source>
        <translation>待办跟踪</translation>
    </message>
    <message>
        <source>No action items</source>
        <translation>无待办事项</translation>
    </message>
    <message numerus="yes">
        <source>%n action item(s)</source>
        <translation>
            <numerusform>共 %n 项待办</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing {shown} of {total}</source>
        <translation>显示 {shown} 项，共 {total} 项</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>已选 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>无需更改。</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) marked “{status}”.</source>
        <translation>
            <numerusform>已将 %n 项标记为“{status}”。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActionsModel</name>
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
        <source>Number of the item in the minutes</source>
        <translation>该事项在纪要中的序号</translation>
    </message>
    <message>
        <source>What is to be done</source>
        <translation>需要完成的事项</translation>
    </message>
    <message>
        <source>Why: its purpose</source>
        <translation>目的：为什么要做</translation>
    </message>
    <message>
        <source>Who: the owner</source>
        <translation>负责人：由谁负责</translation>
    </message>
    <message>
        <source>When: the due date</source>
        <translation>完成时间：截止日期</translation>
    </message>
    <message>
        <source>Where: the place or system</source>
        <translation>地点：场所或系统</translation>
    </message>
    <message>
        <source>How: the method</source>
        <translation>方式：怎么做</translation>
    </message>
    <message>
        <source>Status of the item</source>
        <translation>事项当前状态</translation>
    </message>
    <message>
        <source>To be set</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>Not an action yet: it needs a Who and a When.</source>
        <translation>尚不是待办：需明确负责人和完成时间。</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>Item</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <source>{title} (presented by {presenter})</source>
        <translation>{title}（汇报人：{presenter}）</translation>
    </message>
</context>
<context>
    <name>AgendaPanel</name>
    <message>
        <source>Agenda</source>
        <translation>会议议程</translation>
    </message>
    <message>
        <source>Add an agenda item, Enter</source>
        <translation>添加议题，按 Enter 确认</translation>
    </message>
    <message numerus="yes">
        <source>%n agenda item(s) done</source>
        <translation>
            <numerusform>已完成 %n 项议题</numerusform>
        </translation>
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
    <name>AssignDialog</name>
    <message>
        <source>Assign someone to the project</source>
        <translation>为项目派驻人员</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>人员(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始日期(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation>结束日期(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Allocation</source>
        <translation>投入比例(&amp;A)</translation>
    </message>
    <message>
        <source>Service &amp;order</source>
        <translation>服务单类型(&amp;O)</translation>
    </message>
    <message>
        <source>Package &amp;price</source>
        <translation>服务包价格(&amp;P)</translation>
    </message>
    <message>
        <source>Service &amp;days</source>
        <translation>服务天数(&amp;D)</translation>
    </message>
    <message>
        <source>Search name or skill…</source>
        <translation>搜索姓名或技能…</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Has left the pool</source>
        <translation>已出池</translation>
    </message>
    <message>
        <source>yuan, e.g. 180,000</source>
        <translation>单位：元，例如 180,000</translation>
    </message>
    <message>
        <source>Working days of the period</source>
        <translation>按期间工作日计算</translation>
    </message>
</context>
<context>
    <name>AssignmentsModel</name>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>投入比例</translation>
    </message>
    <message>
        <source>Service order</source>
        <translation>服务单类型</translation>
    </message>
    <message>
        <source>Package price (B)</source>
        <translation>服务包价格（B）</translation>
    </message>
    <message>
        <source>Service days (C)</source>
        <translation>服务天数（C）</translation>
    </message>
    <message>
        <source>Cost (yuan)</source>
        <translation>成本（元）</translation>
    </message>
    <message>
        <source>by dates</source>
        <translation>按起止日期</translation>
    </message>
    <message>
        <source>Type the amount in yuan, e.g. 180,000 or 1200.50.</source>
        <translation>请输入金额（元），例如 180,000 或 1200.50。</translation>
    </message>
    <message>
        <source>0: count the working days of the period instead.</source>
        <translation>填 0 则按期间内的工作日计算。</translation>
    </message>
</context>
<context>
    <name>AttendeesModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
</context>
<context>
    <name>AttendeesPanel</name>
    <message>
        <source>Attendees</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <source>Remove from the attendees</source>
        <translation>从参会人员中移除</translation>
    </message>
    <message>
        <source>Add an attendee: type a name, Enter</source>
        <translation>添加参会人：输入姓名，按 Enter</translation>
    </message>
    <message>
        <source>The project&apos;s stakeholders and team members are suggested as you type; any other name can be typed in.</source>
        <translation>输入时会提示本项目的干系人和团队成员；也可以直接输入其他姓名。</translation>
    </message>
    <message>
        <source>{present} of {total} present</source>
        <translation>出席 {present}/{total}</translation>
    </message>
</context>
<context>
    <name>BackgroundWork</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <source>Close the site on this day…</source>
        <translation>设为现场停工…</translation>
    </message>
    <message>
        <source>No work on site this day: the plan moves its tasks to later days.</source>
        <translation>当天现场停工：计划会将当天的任务顺延到之后的工作日。</translation>
    </message>
    <message>
        <source>Work on this day…</source>
        <translation>调为工作日…</translation>
    </message>
    <message>
        <source>The team works this day although it is a day off.</source>
        <translation>当天虽是休息日，团队照常工作。</translation>
    </message>
    <message>
        <source>Back to the statutory calendar</source>
        <translation>恢复法定日历</translation>
    </message>
    <message>
        <source>Remove the project&apos;s exception: the day is as the law says (Delete).</source>
        <translation>删除项目例外日：当天按法定日历安排（Delete）。</translation>
    </message>
    <message>
        <source>Previous year</source>
        <translation>上一年</translation>
    </message>
    <message>
        <source>Next year</source>
        <translation>下一年</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Choose a project to see and change its working calendar.</source>
        <translation>选择一个项目以查看和修改其工作日历。</translation>
    </message>
    <message>
        <source>Selected day</source>
        <translation>所选日期</translation>
    </message>
    <message>
        <source>The project&apos;s exceptions</source>
        <translation>项目例外日</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>T: contract signed</source>
        <translation>T：合同签订</translation>
    </message>
    <message>
        <source>the holidays of {year} are not announced yet: these days are an estimate</source>
        <translation>{year} 年的节假日安排尚未公布：这些日期为估算</translation>
    </message>
    <message numerus="yes">
        <source>{year}: %n working day(s) by the statutory calendar</source>
        <translation>
            <numerusform>{year}年：按法定日历共 %n 个工作日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{year}: %n working day(s) for this project</source>
        <translation>
            <numerusform>{year}年：本项目共 %n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <source> (statutory: {count})</source>
        <translation>（法定：{count}）</translation>
    </message>
    <message>
        <source>no exceptions</source>
        <translation>无例外日</translation>
    </message>
    <message numerus="yes">
        <source>%n exception(s)</source>
        <translation>
            <numerusform>%n 个例外日</numerusform>
        </translation>
    </message>
    <message>
        <source>, {count} in {year}</source>
        <translation>，其中 {year}年 {count} 个</translation>
    </message>
    <message>
        <source>Worked</source>
        <translation>调为工作日</translation>
    </message>
    <message>
        <source>Site closed</source>
        <translation>现场停工</translation>
    </message>
    <message>
        <source>By law: {kind}</source>
        <translation>法定日历：{kind}</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <source>T: the contract was signed</source>
        <translation>T：合同签订日</translation>
    </message>
    <message>
        <source>Work on this day</source>
        <translation>调为工作日</translation>
    </message>
    <message>
        <source>Why does the team work on {date} ({weekday})? (optional)</source>
        <translation>团队为什么在 {date}（{weekday}）上班？（可选）</translation>
    </message>
    <message>
        <source>Close the site</source>
        <translation>现场停工</translation>
    </message>
    <message>
        <source>Why is the site closed on {date} ({weekday})? (optional)</source>
        <translation>现场为什么在 {date}（{weekday}）停工？（可选）</translation>
    </message>
</context>
<context>
    <name>CaptureBox</name>
    <message>
        <source>Type an item, e.g. {example}, then Enter</source>
        <translation>输入一条记录，如 {example}，按 Enter 保存</translation>
    </message>
    <message>
        <source>Quick entry</source>
        <translation>快速录入</translation>
    </message>
    <message>
        <source>Quick-entry syntax (F1)</source>
        <translation>快速录入语法（F1）</translation>
    </message>
    <message>
        <source>The minutes are closed: reopen to add items</source>
        <translation>纪要已结束，重新打开后才能添加</translation>
    </message>
    <message>
        <source>Enter adds the item · Esc clears the line · Ctrl+Z on an empty line undoes · F1 shows the syntax</source>
        <translation>Enter 添加 · Esc 清空 · 空行时 Ctrl+Z 撤销 · F1 查看语法</translation>
    </message>
    <message>
        <source>Decision: {text}</source>
        <translation>决定：{text}</translation>
    </message>
    <message>
        <source>Note: {text}</source>
        <translation>备注：{text}</translation>
    </message>
    <message>
        <source>Action: {what}</source>
        <translation>待办：{what}</translation>
    </message>
    <message>
        <source>Who: {who}</source>
        <translation>负责人：{who}</translation>
    </message>
    <message>
        <source>no Who yet</source>
        <translation>负责人未定</translation>
    </message>
    <message>
        <source>When: {when}</source>
        <translation>完成时间：{when}</translation>
    </message>
    <message>
        <source>no When yet</source>
        <translation>完成时间未定</translation>
    </message>
    <message>
        <source>Where: {where}</source>
        <translation>地点：{where}</translation>
    </message>
    <message>
        <source>Why: {why}</source>
        <translation>目的：{why}</translation>
    </message>
    <message>
        <source>How: {how}</source>
        <translation>方式：{how}</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
</context>
<context>
    <name>ConflictListModel</name>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>Resolve conflict in {record}</source>
        <translation>解决{record}的冲突</translation>
    </message>
    <message>
        <source>Action item</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <source>Action progress</source>
        <translation>待办进展</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Calendar day</source>
        <translation>例外日</translation>
    </message>
    <message>
        <source>Demand</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Attendee</source>
        <translation>参会人</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>纪要条目</translation>
    </message>
    <message>
        <source>Queued mail</source>
        <translation>待发邮件</translation>
    </message>
    <message>
        <source>Mail recipient</source>
        <translation>邮件收件人</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Pool event</source>
        <translation>资源池事件</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>RACI entry</source>
        <translation>RACI 条目</translation>
    </message>
    <message>
        <source>Stakeholder</source>
        <translation>干系人</translation>
    </message>
    <message>
        <source>Task assignment</source>
        <translation>任务资源分配</translation>
    </message>
    <message>
        <source>Task link</source>
        <translation>任务依赖</translation>
    </message>
    <message>
        <source>Team assignment</source>
        <translation>团队派驻</translation>
    </message>
    <message>
        <source>Team model</source>
        <translation>组队模型</translation>
    </message>
    <message>
        <source>Model role</source>
        <translation>模型角色</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>接触记录</translation>
    </message>
    <message>
        <source>Absence</source>
        <translation>不在岗时间</translation>
    </message>
    <message>
        <source>Working calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>What (5W1H)</source>
        <translation>事项（5W1H）</translation>
    </message>
    <message>
        <source>Why (5W1H)</source>
        <translation>目的（5W1H）</translation>
    </message>
    <message>
        <source>Who (5W1H)</source>
        <translation>负责人（5W1H）</translation>
    </message>
    <message>
        <source>Where (5W1H)</source>
        <translation>地点（5W1H）</translation>
    </message>
    <message>
        <source>How (5W1H)</source>
        <translation>方式（5W1H）</translation>
    </message>
    <message>
        <source>Minutes text</source>
        <translation>纪要内容</translation>
    </message>
    <message>
        <source>Touchpoint summary</source>
        <translation>接触记录摘要</translation>
    </message>
    <message>
        <source>Progress note</source>
        <translation>进展说明</translation>
    </message>
    <message>
        <source>Meeting notes</source>
        <translation>会议备注</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>系列</translation>
    </message>
    <message>
        <source>Minutes taken by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Presenter</source>
        <translation>汇报人</translation>
    </message>
    <message>
        <source>Responsibilities</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>Work item</source>
        <translation>工作项</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Our people</source>
        <translation>我方人员</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>{kind} “{name}”</source>
        <translation>{kind}“{name}”</translation>
    </message>
    <message>
        <source>{record}: “{text}”</source>
        <translation>{record}：“{text}”</translation>
    </message>
    <message>
        <source>Whole team</source>
        <comment>a record shared by every project</comment>
        <translation>全团队共用</translation>
    </message>
    <message>
        <source>A project not on this computer</source>
        <translation>本机没有的项目</translation>
    </message>
    <message>
        <source>Deleted and edited at once</source>
        <translation>同时被删除和编辑</translation>
    </message>
    <message>
        <source>{user} on this computer</source>
        <translation>{user}（本机）</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>another computer</source>
        <translation>另一台电脑</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的版本</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>对方的版本</translation>
    </message>
    <message>
        <source>Later version</source>
        <translation>较晚的版本</translation>
    </message>
    <message>
        <source>Earlier version</source>
        <translation>较早的版本</translation>
    </message>
    <message>
        <source>{user}&apos;s version</source>
        <translation>{user} 的版本</translation>
    </message>
    <message>
        <source>Keep the Row</source>
        <translation>保留该记录</translation>
    </message>
    <message>
        <source>Delete It</source>
        <translation>仍然删除</translation>
    </message>
    <message>
        <source>Keep the Current Value</source>
        <translation>保留当前值</translation>
    </message>
    <message>
        <source>Keep Mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Keep Theirs</source>
        <translation>保留对方的</translation>
    </message>
    <message>
        <source>Keep the Later</source>
        <translation>保留较晚的</translation>
    </message>
    <message>
        <source>Keep the Earlier</source>
        <translation>保留较早的</translation>
    </message>
    <message>
        <source>Keep {user}&apos;s</source>
        <translation>保留 {user} 的</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
</context>
<context>
    <name>ConflictsEntry</name>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>冲突(&amp;C)…</translation>
    </message>
    <message>
        <source>Changes that met a concurrent change on another computer</source>
        <translation>与其他电脑上同时进行的更改相冲突的更改</translation>
    </message>
    <message>
        <source>Show both versions and choose which to keep</source>
        <translation>显示两个版本，选择保留哪一个</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n conflict(s)</source>
        <translation>
            <numerusform>⚠ %n 个冲突</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>Two computers changed the same thing while apart. The later change is in the record now; the other is kept here, so nothing is lost. Choose what to keep.</source>
        <extracomment>The ConflictEntry, the ConflictResolution, and whether the user agreed to overwrite a change made after the conflict.</extracomment>
        <translation>两台电脑在同步前各自修改了同一内容。记录中现为较晚的更改，另一版本保存在这里，不会丢失。请选择要保留的内容。</translation>
    </message>
    <message>
        <source>No conflicts</source>
        <translation>没有冲突</translation>
    </message>
    <message>
        <source>Nothing to resolve: every change from other computers fitted with yours.</source>
        <translation>无需处理：其他电脑上的更改都与您的更改兼容。</translation>
    </message>
    <message>
        <source>When two people change the same text while apart, or one deletes what another edits, both versions show here and you choose which to keep.</source>
        <translation>如果两人在同步前各自修改了同一段文本，或一人删除了另一人正在编辑的内容，两个版本都会显示在这里，由您选择保留哪一个。</translation>
    </message>
    <message>
        <source>Keep Both</source>
        <translation>两者都保留</translation>
    </message>
    <message>
        <source>The text in the record now first, then the other one after it</source>
        <translation>记录中的现有文本在前，另一版本接在其后</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n 个冲突待解决</numerusform>
        </translation>
    </message>
    <message>
        <source>Someone changed this after the conflict, so nothing was overwritten. Look at the record as it is now, then choose again.</source>
        <translation>冲突发生后有人又修改了此内容，因此没有覆盖任何内容。请查看记录的当前内容，然后重新选择。</translation>
    </message>
    <message>
        <source>{what} · {project}</source>
        <translation>{what} · {project}</translation>
    </message>
    <message>
        <source>{who} · {when}</source>
        <translation>{who} · {when}</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>已保留</translation>
    </message>
    <message>
        <source>{field}: {value}</source>
        <translation>{field}：{value}</translation>
    </message>
    <message>
        <source>Deletion undone</source>
        <translation>删除已撤回</translation>
    </message>
    <message>
        <source>{who} deleted this record while it was being edited elsewhere. The record was kept; “Delete It” deletes it after all.</source>
        <translation>{who} 删除了此记录，而另一处同时在编辑它。记录已保留；如确需删除，请点击“仍然删除”。</translation>
    </message>
    <message>
        <source>In the record now</source>
        <translation>当前生效</translation>
    </message>
    <message>
        <source>Overwritten</source>
        <translation>已被覆盖</translation>
    </message>
    <message>
        <source>Changed since</source>
        <translation>其后已修改</translation>
    </message>
    <message>
        <source>Current value</source>
        <translation>当前值</translation>
    </message>
    <message>
        <source>Changed after the conflict, replacing the version of {who} · {when}</source>
        <translation>冲突之后又被修改，取代了 {who} 的版本 · {when}</translation>
    </message>
    <message>
        <source>The version the change replaced:
{text}</source>
        <translation>被这次修改取代的版本：
{text}</translation>
    </message>
    <message>
        <source>The record is not on this computer: only the value it has can stay.</source>
        <translation>本机没有该记录：只能保留其现有的值。</translation>
    </message>
    <message>
        <source>The record was deleted again after the conflict.</source>
        <translation>冲突发生后，该记录又被删除了。</translation>
    </message>
    <message>
        <source>It belongs to {parents}, deleted too: “Keep the Row” brings that back as well.</source>
        <translation>它属于{parents}，而后者也已被删除：“保留该记录”会将其一并恢复。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>the {kind} “{name}”</source>
        <translation>{kind}“{name}”</translation>
    </message>
    <message>
        <source>the {kind}</source>
        <translation>该{kind}</translation>
    </message>
    <message>
        <source>Changed after the conflict: “{current}” shows what the record holds now. Keeping the other version overwrites that change (you are asked first).</source>
        <translation>冲突之后又被修改过：“{current}”显示的是记录现在的内容。保留另一个版本会覆盖这次修改（会先征得您的确认）。</translation>
    </message>
    <message>
        <source>Overwrite a Later Change?</source>
        <translation>覆盖之后的修改？</translation>
    </message>
    <message>
        <source>“{field}” was changed after the conflict and now reads “{value}”. “{choice}” replaces that.</source>
        <translation>“{field}”在冲突之后又被修改过，现在是“{value}”。“{choice}”会替换它。</translation>
    </message>
    <message>
        <source>Undo puts the current value back.</source>
        <translation>撤销可恢复当前的值。</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
</context>
<context>
    <name>CostLinesModel</name>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>计费方式</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Rate (yuan)</source>
        <translation>单价（元）</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) in the period</source>
        <translation>
            <numerusform>期间内共 %n 个工作日</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CostTab</name>
    <message>
        <source>Type A bills calendar months. For type D a person-month is 22 working days of the project&apos;s calendar: the month rate from 22 working days on, the day rate below.</source>
        <translation>A 类按自然月计费。D 类以项目日历的 22 个工作日为一个人月：满 22 个工作日按人月单价，不足按人天单价。</translation>
    </message>
    <message>
        <source>Service order</source>
        <translation>服务单类型</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>By service-order type</source>
        <translation>按服务单类型</translation>
    </message>
    <message>
        <source>By role</source>
        <translation>按角色</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>¥{amount}</source>
        <translation>¥{amount}</translation>
    </message>
    <message>
        <source>Export cost estimate</source>
        <translation>导出成本估算</translation>
    </message>
    <message>
        <source>{project} cost estimate</source>
        <translation>{project}成本估算</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>DateDelegate</name>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>DistributeDialog</name>
    <message>
        <source>Send minutes</source>
        <translation>发送纪要</translation>
    </message>
    <message>
        <source>attendee</source>
        <translation>参会人</translation>
    </message>
    <message>
        <source>stakeholder</source>
        <translation>干系人</translation>
    </message>
    <message>
        <source>team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>added</source>
        <translation>手动添加</translation>
    </message>
    <message>
        <source>Name &lt;name@example.com&gt; or an address</source>
        <translation>姓名 &lt;name@example.com&gt; 或邮箱地址</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Minutes: {title} ({project})</source>
        <translation>【会议纪要】{title}（{project}）</translation>
    </message>
    <message>
        <source>Please find attached the minutes of {title}.</source>
        <translation>附件为“{title}”的会议纪要，请查收。</translation>
    </message>
    <message>
        <source>The message waits in the outbox and is sent when this computer is back online.</source>
        <translation>邮件将暂存在发件箱，本机联网后自动发送。</translation>
    </message>
    <message>
        <source>Attachment:</source>
        <translation>附件：</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>正文：</translation>
    </message>
    <message>
        <source>Put in outbox</source>
        <translation>放入发件箱</translation>
    </message>
    <message>
        <source>Recipients:</source>
        <translation>收件人：</translation>
    </message>
    <message>
        <source>“{text}” is not an e-mail address.</source>
        <translation>“{text}”不是有效的邮箱地址。</translation>
    </message>
    <message>
        <source>Choose at least one recipient.</source>
        <translation>请至少选择一位收件人。</translation>
    </message>
    <message>
        <source>A message needs a subject.</source>
        <translation>请填写邮件主题。</translation>
    </message>
</context>
<context>
    <name>EmptyPage</name>
    <message>
        <source>Clear Filters</source>
        <translation>清除筛选</translation>
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
        <source>The database {path} is already open in another PM Desktop window. Use that window, or close it and start again.</source>
        <translation>数据库 {path} 已在另一个 PM Desktop 窗口中打开。请使用那个窗口，或先将其关闭后再重新启动。</translation>
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
    <name>EventDialog</name>
    <message>
        <source>Record an event of {name}</source>
        <translation>记录 {name} 的事件</translation>
    </message>
    <message>
        <source>What happened; for red and black, say it plainly.</source>
        <translation>发生了什么；红色、黑色记录请如实写明。</translation>
    </message>
    <message>
        <source>About this project ({name})</source>
        <translation>与本项目有关（{name}）</translation>
    </message>
    <message>
        <source>&amp;Event</source>
        <translation>事件(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>The pool history only grows: an event cannot be edited later.</source>
        <translation>资源池履历只增不改：事件记录后不能再修改。</translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Saving {file}…</source>
        <translation>正在保存 {file}…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>{file} could not be saved: {reason}</source>
        <translation>无法保存 {file}：{reason}</translation>
    </message>
    <message>
        <source>Choose another folder, or close the file if another program has it open.</source>
        <translation>请换一个文件夹；如果该文件正被其他程序打开，请先将其关闭。</translation>
    </message>
</context>
<context>
    <name>Gantt</name>
    <message>
        <source>{start} – {finish}, {days} working days</source>
        <extracomment>During a drag: task id, the start (or the finish, when resizing) it would get, resizing.</extracomment>
        <translation>{start}–{finish}，{days} 个工作日</translation>
    </message>
    <message>
        <source>{month}/{day}</source>
        <translation>{month}/{day}</translation>
    </message>
    <message>
        <source>{year}</source>
        <translation>{year}年</translation>
    </message>
    <message>
        <source>{month}/{year}</source>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <source>{month}</source>
        <translation>{month}月</translation>
    </message>
</context>
<context>
    <name>HealthPanel</name>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Warn when the strong-C has not been contacted for this many days.</source>
        <translation>强C超过此天数未联系时发出预警。</translation>
    </message>
    <message>
        <source>Strong-C contact every</source>
        <translation>强C联系周期</translation>
    </message>
    <message numerus="yes">
        <source>Warnings (%n)</source>
        <translation>
            <numerusform>预警（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>No warnings: the 1W is known and met, demands are addressed, key people are in touch.</source>
        <translation>暂无预警：1W 已明确并已接触，诉求均已满足，关键人员保持联系。</translation>
    </message>
</context>
<context>
    <name>HeatmapView</name>
    <message>
        <source>Resource heatmap</source>
        <translation>资源负荷热力图</translation>
    </message>
    <message>
        <source>Person / week</source>
        <translation>人员 / 周</translation>
    </message>
    <message>
        <source>Person / day</source>
        <translation>人员 / 日</translation>
    </message>
    <message>
        <source>Projects: {names}</source>
        <translation>项目：{names}</translation>
    </message>
    <message>
        <source>Peak load: {peak} %</source>
        <translation>峰值负荷：{peak}%</translation>
    </message>
    <message>
        <source>Average load: {load} % (peak {peak} %)</source>
        <translation>平均负荷：{load}%（峰值 {peak}%）</translation>
    </message>
    <message>
        <source>Load: {load} %</source>
        <translation>负荷：{load}%</translation>
    </message>
    <message>
        <source>Over-allocated</source>
        <translation>超负荷</translation>
    </message>
    <message>
        <source>Week {week}: {first} – {last}</source>
        <translation>第 {week} 周：{first}–{last}</translation>
    </message>
    <message>
        <source>non-working day</source>
        <translation>非工作日</translation>
    </message>
    <message>
        <source>Away {dates}: {reason}</source>
        <translation>不在岗 {dates}：{reason}</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未填写原因</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>不在岗</translation>
    </message>
    <message>
        <source>Booked while away: change the booking or the time away.</source>
        <translation>不在岗期间仍有安排：请调整安排或不在岗时间。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message numerus="yes">
        <source>%n row(s) ready to import</source>
        <translation>
            <numerusform>%n 行可导入</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with problems (not imported)</source>
        <translation>
            <numerusform>%n 行有问题（不导入）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with warnings</source>
        <translation>
            <numerusform>%n 行有警告</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n stakeholder(s)</source>
        <translation>
            <numerusform>导入 %n 位干系人</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailSender</name>
    <message>
        <source>Sending mail…</source>
        <translation>正在发送邮件…</translation>
    </message>
    <message>
        <source>Mail Settings</source>
        <translation>邮件设置</translation>
    </message>
    <message>
        <source>Mail is not set up yet. Set up the mail server now?</source>
        <translation>尚未设置邮件。现在设置邮件服务器吗？</translation>
    </message>
    <message>
        <source>This computer has no keyring: the password is kept only until PM Desktop quits, never on disk.</source>
        <translation>此电脑没有密钥环：密码仅保留到 PM Desktop 退出，绝不写入磁盘。</translation>
    </message>
    <message>
        <source>Mail Password</source>
        <translation>邮件密码</translation>
    </message>
    <message>
        <source>Password of {user} on {host}:</source>
        <translation>{user} 在 {host} 上的密码：</translation>
    </message>
</context>
<context>
    <name>MailSettings</name>
    <message>
        <source>The SMTP server refused the login: check the user and password in Mail Settings. Nothing was sent; every message stays in the outbox for later.</source>
        <translation>SMTP 服务器拒绝登录：请在“邮件设置”中检查用户名和密码。未发送任何邮件，所有邮件仍保留在发件箱中，稍后再发。</translation>
    </message>
    <message>
        <source>The secure connection to the mail server failed. If the server uses a company certificate, choose its CA file in Mail Settings. Nothing was sent.</source>
        <translation>与邮件服务器的安全连接失败。如果服务器使用公司证书，请在“邮件设置”中选择其 CA 文件。未发送任何邮件。</translation>
    </message>
    <message>
        <source>The mail server does not offer STARTTLS, and mail is never sent unencrypted. Try SSL/TLS (usually port 465) in Mail Settings.</source>
        <translation>邮件服务器不支持 STARTTLS，而邮件绝不以明文发送。请在“邮件设置”中改用 SSL/TLS（通常为 465 端口）。</translation>
    </message>
    <message>
        <source>The mail server could not be reached. The outbox will try again later.</source>
        <translation>无法连接邮件服务器。发件箱稍后会重试。</translation>
    </message>
    <message>
        <source>The mail server refused the sender address. Check it in Mail Settings.</source>
        <translation>邮件服务器拒绝了发件人地址。请在“邮件设置”中检查。</translation>
    </message>
    <message>
        <source>Mail is already being sent.</source>
        <translation>邮件正在发送中。</translation>
    </message>
    <message>
        <source>Enter the mail password to send the outbox.</source>
        <translation>请输入邮件密码以发送发件箱中的邮件。</translation>
    </message>
    <message>
        <source>Mail is not set up yet: open Mail Settings.</source>
        <translation>尚未设置邮件：请打开“邮件设置”。</translation>
    </message>
    <message>
        <source>Mail could not be sent.</source>
        <translation>邮件未能发送。</translation>
    </message>
    <message>
        <source>The server said: {reply}</source>
        <translation>服务器回复：{reply}</translation>
    </message>
    <message>
        <source>Details: {details}</source>
        <translation>详细信息：{details}</translation>
    </message>
    <message>
        <source>The SMTP server refused the login: check the user and password.</source>
        <translation>SMTP 服务器拒绝登录：请检查用户名和密码。</translation>
    </message>
    <message>
        <source>The CA file cannot be used: choose a CA certificate in PEM format.</source>
        <translation>无法使用该 CA 文件：请选择 PEM 格式的 CA 证书。</translation>
    </message>
    <message>
        <source>The secure connection to the mail server failed.</source>
        <translation>与邮件服务器建立加密连接失败。</translation>
    </message>
    <message>
        <source>The mail server&apos;s certificate could not be verified. If the server uses a company certificate, choose its CA file.</source>
        <translation>无法验证邮件服务器的证书。如果服务器使用公司自己的证书，请选择其 CA 文件。</translation>
    </message>
    <message>
        <source>The mail server does not offer STARTTLS, and mail is never sent unencrypted: choose SSL/TLS (usually port 465).</source>
        <translation>邮件服务器不支持 STARTTLS，而邮件绝不会以明文发送：请改用 SSL/TLS（通常为 465 端口）。</translation>
    </message>
    <message>
        <source>Port {port} does not use SSL/TLS: choose STARTTLS (usually port 587), or the server&apos;s SSL/TLS port (usually 465).</source>
        <translation>{port} 端口不使用 SSL/TLS：请将加密方式改为 STARTTLS（通常为 587 端口），或改用服务器的 SSL/TLS 端口（通常为 465）。</translation>
    </message>
    <message>
        <source>The mail server did not answer on port {port} as STARTTLS expects. If this port uses SSL/TLS (usually 465), choose SSL/TLS; STARTTLS usually uses port 587.</source>
        <translation>邮件服务器在 {port} 端口上没有按 STARTTLS 的方式应答。如果此端口使用 SSL/TLS（通常为 465），请将加密方式改为 SSL/TLS；STARTTLS 通常使用 587 端口。</translation>
    </message>
    <message>
        <source>The mail server {host} was not found: check the SMTP server name.</source>
        <translation>找不到邮件服务器 {host}：请检查 SMTP 服务器名称。</translation>
    </message>
    <message>
        <source>The mail server {host} could not be looked up: check the network connection.</source>
        <translation>无法解析邮件服务器 {host}：请检查网络连接。</translation>
    </message>
    <message>
        <source>{host} refused the connection on port {port}: check the port and the SMTP server name.</source>
        <translation>{host} 拒绝了 {port} 端口上的连接：请检查端口和 SMTP 服务器名称。</translation>
    </message>
    <message>
        <source>The mail server did not answer in time: check the SMTP server name, the port and the network connection.</source>
        <translation>邮件服务器未及时响应：请检查 SMTP 服务器名称、端口和网络连接。</translation>
    </message>
    <message>
        <source>The mail server could not be reached: check the network connection.</source>
        <translation>无法连接邮件服务器：请检查网络连接。</translation>
    </message>
    <message>
        <source>The mail server refused the session: see the details.</source>
        <translation>邮件服务器拒绝了本次会话：请查看详细信息。</translation>
    </message>
    <message>
        <source>The connection test failed.</source>
        <translation>连接测试失败。</translation>
    </message>
</context>
<context>
    <name>MailSettingsDialog</name>
    <message>
        <source>Mail Settings</source>
        <translation>邮件设置</translation>
    </message>
    <message>
        <source>This computer has no keyring ({reason}). The password is kept only until PM Desktop quits, and you will be asked for it again next time. It is never written to disk.</source>
        <translation>此电脑没有密钥环（{reason}）。密码仅保留到 PM Desktop 退出，下次启动时会再次询问，绝不写入磁盘。</translation>
    </message>
    <message>
        <source>Mail is always encrypted and the server&apos;s certificate checked.</source>
        <translation>邮件始终加密传输，并校验服务器证书。</translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS（通常为 587 端口）</translation>
    </message>
    <message>
        <source>SSL/TLS (usually port 465)</source>
        <translation>SSL/TLS（通常为 465 端口）</translation>
    </message>
    <message>
        <source>SMTP server:</source>
        <translation>SMTP 服务器：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>加密方式：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>From address:</source>
        <translation>发件人地址：</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>CA 文件：</translation>
    </message>
    <message>
        <source>Saved (type to change)</source>
        <translation>已保存（输入以更改）</translation>
    </message>
    <message>
        <source>The CA file does not exist.</source>
        <translation>CA 文件不存在。</translation>
    </message>
    <message>
        <source>Enter the SMTP server&apos;s host name.</source>
        <translation>请输入 SMTP 服务器的主机名。</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation>端口必须在 1 到 65535 之间。</translation>
    </message>
    <message>
        <source>The from address is not an e-mail address.</source>
        <translation>发件人地址不是有效的电子邮件地址。</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Connected and logged in: the settings work.</source>
        <translation>已连接并登录：设置有效。</translation>
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
        <source>Copy Project &amp;ID</source>
        <translation>复制项目 &amp;ID</translation>
    </message>
    <message>
        <source>The id the team server&apos;s administrator needs to share this project</source>
        <translation>团队服务器管理员共享此项目时需要的 ID</translation>
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
        <source>&amp;Mail Settings…</source>
        <translation>邮件设置(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Team Server…</source>
        <translation>团队服务器(&amp;T)…</translation>
    </message>
    <message>
        <source>S&amp;ync Now</source>
        <translation>立即同步(&amp;Y)</translation>
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
        <source>{title} ({count})</source>
        <translation>{title}（{count}）</translation>
    </message>
    <message numerus="yes">
        <source>%n stakeholder warning(s) open</source>
        <translation>
            <numerusform>%n 条干系人预警待处理</numerusform>
        </translation>
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
        <source>Copied the project id {id} (for: pm-desktop hub grant)</source>
        <translation>已复制项目 ID {id}（供 pm-desktop hub grant 使用）</translation>
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
    <message>
        <source>Changes from the team arrived: earlier edits can no longer be undone.</source>
        <translation>已收到团队的更改：之前的编辑无法再撤销。</translation>
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
    <name>MasterPlanTab</name>
    <message>
        <source>T (contract signed):</source>
        <translation>T（合同签订）：</translation>
    </message>
    <message>
        <source>The plan is scheduled from T; moving T moves the plan.</source>
        <translation>计划以 T 为起点排期；调整 T，整个计划随之移动。</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Add Task</source>
        <translation>添加任务</translation>
    </message>
    <message>
        <source>Add Sub-task</source>
        <translation>添加子任务</translation>
    </message>
    <message>
        <source>Add a task under the selected one</source>
        <translation>在所选任务下添加子任务</translation>
    </message>
    <message>
        <source>Add Milestone</source>
        <translation>添加里程碑</translation>
    </message>
    <message>
        <source>Indent</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>Outdent</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>建立依赖</translation>
    </message>
    <message>
        <source>Link the selected tasks finish-to-start, in their order</source>
        <translation>按顺序为所选任务建立“完成-开始”依赖</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>取消依赖</translation>
    </message>
    <message>
        <source>Remove links between the selected</source>
        <translation>删除所选任务之间的依赖</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected tasks</source>
        <translation>删除所选任务</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Add a task after the selected one</source>
        <translation>在所选任务之后添加任务</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Save Baseline</source>
        <translation>保存基线</translation>
    </message>
    <message>
        <source>Keep today&apos;s dates to compare the plan with later</source>
        <translation>记录各任务当前的日期，以便日后与计划对比</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>T is not set: the plan is scheduled from today.</source>
        <translation>未设置 T：计划从今天开始排期。</translation>
    </message>
    <message>
        <source>No tasks yet: add one, or start from a template.</source>
        <translation>还没有任务：请添加任务，或从模板开始。</translation>
    </message>
    <message>
        <source>Choose a project to see its plan.</source>
        <translation>选择一个项目以查看其计划。</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <source>ends {date}</source>
        <translation>{date} 完成</translation>
    </message>
    <message numerus="yes">
        <source>%n on the critical path</source>
        <translation>
            <numerusform>%n 个在关键路径上</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n later than the baseline</source>
        <translation>
            <numerusform>%n 个晚于基线</numerusform>
        </translation>
    </message>
    <message>
        <source>the holidays of {years} are not announced yet: dates then are estimates</source>
        <translation>{years} 年的节假日安排尚未公布：该期间的日期为估算</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新任务</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n selected task(s) with their sub-tasks?</source>
        <translation>
            <numerusform>确定删除所选的 %n 个任务及其子任务吗？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sub-task(s) go with them. Edit ▸ Undo brings them back.</source>
        <translation>
            <numerusform>其下 %n 个子任务将一并删除。可用“编辑 ▸ 撤销”恢复。</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Tasks</source>
        <translation>删除任务</translation>
    </message>
    <message numerus="yes">
        <source>Link %n task(s)</source>
        <translation>
            <numerusform>为 %n 个任务建立依赖</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unlink %n task(s)</source>
        <translation>
            <numerusform>取消 %n 个任务之间的依赖</numerusform>
        </translation>
    </message>
    <message>
        <source>“{name}” cannot start earlier: its predecessors hold it until {date}.</source>
        <translation>“{name}”不能更早开始：其前置任务使它最早在 {date} 开始。</translation>
    </message>
    <message>
        <source>No task has the WBS code {codes}.</source>
        <translation>没有 WBS 编码为 {codes} 的任务。</translation>
    </message>
    <message>
        <source>Predecessors of “{name}”</source>
        <translation>设置“{name}”的前置任务</translation>
    </message>
    <message>
        <source>Several people in the pool are called {names}: tell them apart in Team ▸ Resource Pool (e.g. by their company) first.</source>
        <translation>资源池中有多人名为 {names}：请先在“团队 ▸ 资源池”中加以区分（例如注明公司）。</translation>
    </message>
    <message>
        <source>Not in the resource pool: {names}. Add them in Team ▸ Resource Pool first.</source>
        <translation>以下人员不在资源池中：{names}。请先在“团队 ▸ 资源池”中添加。</translation>
    </message>
    <message>
        <source>People on “{name}”</source>
        <translation>设置“{name}”的资源</translation>
    </message>
    <message>
        <source>Replace the baseline saved earlier with today&apos;s plan? The old baseline cannot be brought back.</source>
        <translation>确定用当前计划替换之前保存的基线吗？旧基线将无法恢复。</translation>
    </message>
    <message>
        <source>Add a Template</source>
        <translation>添加模板</translation>
    </message>
    <message numerus="yes">
        <source>The plan has %n task(s) already. Add the template&apos;s tasks after them?</source>
        <translation>
            <numerusform>计划中已有 %n 个任务。要在其后添加模板中的任务吗？</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetingCommands</name>
    <message>
        <source>Add action “{what}”</source>
        <translation>添加待办“{what}”</translation>
    </message>
    <message>
        <source>Add decision “{text}”</source>
        <translation>添加决定“{text}”</translation>
    </message>
    <message>
        <source>Add note “{text}”</source>
        <translation>添加备注“{text}”</translation>
    </message>
    <message>
        <source>Edit action {number}</source>
        <translation>编辑第 {number} 项待办</translation>
    </message>
    <message>
        <source>Change the status of action {number}</source>
        <translation>更改第 {number} 项待办的状态</translation>
    </message>
    <message>
        <source>Edit decision “{text}”</source>
        <translation>编辑决定“{text}”</translation>
    </message>
    <message>
        <source>Edit note “{text}”</source>
        <translation>编辑备注“{text}”</translation>
    </message>
</context>
<context>
    <name>MeetingDialogs</name>
    <message>
        <source>Delete meeting</source>
        <translation>删除会议</translation>
    </message>
    <message>
        <source>Delete the meeting “{title}”?</source>
        <translation>确定删除会议“{title}”吗？</translation>
    </message>
    <message>
        <source>It has %n action item(s). Keep them in the action tracker, or delete them with the meeting?</source>
        <translation>该会议有 %n 项待办。要保留在待办跟踪中，还是随会议一起删除？</translation>
    </message>
    <message>
        <source>Delete the meeting, keep its actions</source>
        <translation>删除会议，保留待办</translation>
    </message>
    <message>
        <source>Delete the meeting and its actions</source>
        <translation>删除会议及其待办</translation>
    </message>
    <message>
        <source>Its minutes are deleted with it.</source>
        <translation>会议纪要将一并删除。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>MeetingEditor</name>
    <message>
        <source>Action items (5W1H)</source>
        <translation>待办事项（5W1H）</translation>
    </message>
    <message>
        <source>Review of previous actions</source>
        <translation>上次会议待办回顾</translation>
    </message>
    <message>
        <source>Open actions carried from the previous meeting of the series. A status changed here is recorded with this meeting.</source>
        <translation>同系列上次会议转入的未完成待办。在此修改的状态会记录在本次会议中。</translation>
    </message>
    <message>
        <source>Decisions and notes</source>
        <translation>决定与备注</translation>
    </message>
    <message>
        <source>These minutes are closed and read-only. Reopen the meeting to change them.</source>
        <translation>本纪要已结束，处于只读状态。如需修改，请重新打开会议。</translation>
    </message>
    <message>
        <source>{open} of {total} still open</source>
        <translation>{total} 项中 {open} 项未完成</translation>
    </message>
    <message>
        <source>{complete}/{total} complete</source>
        <translation>{complete}/{total} 项完整</translation>
    </message>
    <message>
        <source>Items with both a Who and a When. Without them an item is not an action yet.</source>
        <translation>已明确负责人和完成时间的事项数。缺少其一，就还不是真正的待办。</translation>
    </message>
    <message>
        <source>Type the decision or note after its marker.</source>
        <translation>请在标记后输入决定或备注的内容。</translation>
    </message>
    <message>
        <source>✓ Action {number} added</source>
        <translation>✓ 已添加第 {number} 项待办</translation>
    </message>
    <message>
        <source>✓ Decision added</source>
        <translation>✓ 已添加决定</translation>
    </message>
    <message>
        <source>✓ Note added</source>
        <translation>✓ 已添加备注</translation>
    </message>
    <message>
        <source>PM Desktop</source>
        <translation>PM Desktop</translation>
    </message>
</context>
<context>
    <name>MeetingFormatting</name>
    <message>
        <source>{date} {weekday}</source>
        <translation>{date} {weekday}</translation>
    </message>
</context>
<context>
    <name>MeetingHeader</name>
    <message>
        <source>Start meeting</source>
        <translation>开始会议</translation>
    </message>
    <message>
        <source>Start the meeting now: the timer starts</source>
        <translation>立即开始会议并开始计时</translation>
    </message>
    <message>
        <source>Close minutes</source>
        <translation>结束纪要</translation>
    </message>
    <message>
        <source>End the meeting; the minutes become read-only</source>
        <translation>结束会议，纪要将变为只读</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Reopen the minutes to change them</source>
        <translation>重新打开纪要以便修改</translation>
    </message>
    <message>
        <source>Scribe: {name}</source>
        <translation>记录人：{name}</translation>
    </message>
    <message>
        <source>Series: {name}</source>
        <translation>系列：{name}</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>已进行</translation>
    </message>
    <message>
        <source>Time since the meeting started</source>
        <translation>会议已进行的时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>会议时长</translation>
    </message>
    <message>
        <source>How long the meeting lasted</source>
        <translation>会议持续的时间</translation>
    </message>
</context>
<context>
    <name>MeetingLabels</name>
    <message>
        <source>Kickoff</source>
        <comment>meeting type: 启动会</comment>
        <translation>启动会</translation>
    </message>
    <message>
        <source>Solution report</source>
        <comment>meeting type: 方案汇报</comment>
        <translation>方案汇报</translation>
    </message>
    <message>
        <source>Go-live report</source>
        <comment>meeting type: 上线汇报</comment>
        <translation>上线汇报</translation>
    </message>
    <message>
        <source>Acceptance</source>
        <comment>meeting type: 验收会</comment>
        <translation>验收会</translation>
    </message>
    <message>
        <source>Weekly status</source>
        <comment>meeting type: 周例会</comment>
        <translation>周例会</translation>
    </message>
    <message>
        <source>Workshop</source>
        <comment>meeting type: 研讨会</comment>
        <translation>研讨会</translation>
    </message>
    <message>
        <source>Escalation</source>
        <comment>meeting type: 升级会</comment>
        <translation>专项会</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>meeting type: 其他</comment>
        <translation>其他</translation>
    </message>
    <message>
        <source>Project kickoff</source>
        <comment>default meeting title: 项目启动会</comment>
        <translation>项目启动会</translation>
    </message>
    <message>
        <source>Solution report</source>
        <comment>default meeting title: 方案汇报会</comment>
        <translation>方案汇报会</translation>
    </message>
    <message>
        <source>Go-live report</source>
        <comment>default meeting title: 上线汇报会</comment>
        <translation>上线汇报会</translation>
    </message>
    <message>
        <source>Acceptance meeting</source>
        <comment>default meeting title: 验收会</comment>
        <translation>验收会</translation>
    </message>
    <message>
        <source>Weekly status</source>
        <comment>default meeting title: 周例会</comment>
        <translation>周例会</translation>
    </message>
    <message>
        <source>Workshop</source>
        <comment>default meeting title: 研讨会</comment>
        <translation>研讨会</translation>
    </message>
    <message>
        <source>Escalation meeting</source>
        <comment>default meeting title: 升级会</comment>
        <translation>专项会</translation>
    </message>
    <message>
        <source>Weekly status</source>
        <comment>series name of the weekly meetings: 周例会</comment>
        <translation>周例会</translation>
    </message>
    <message>
        <source>Planned</source>
        <comment>meeting status</comment>
        <translation>待召开</translation>
    </message>
    <message>
        <source>In progress</source>
        <comment>meeting status</comment>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Closed</source>
        <comment>meeting status</comment>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>action status</comment>
        <translation>未开始</translation>
    </message>
    <message>
        <source>In progress</source>
        <comment>action status</comment>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <comment>action status</comment>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>action status</comment>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Invited</source>
        <comment>attendance</comment>
        <translation>受邀</translation>
    </message>
    <message>
        <source>Present</source>
        <comment>attendance</comment>
        <translation>出席</translation>
    </message>
    <message>
        <source>Absent</source>
        <comment>attendance</comment>
        <translation>缺席</translation>
    </message>
    <message>
        <source>Excused</source>
        <comment>attendance</comment>
        <translation>请假</translation>
    </message>
    <message>
        <source>Decision</source>
        <comment>kind of a minutes entry: 决定</comment>
        <translation>决定</translation>
    </message>
    <message>
        <source>Note</source>
        <comment>kind of a minutes entry: 备注</comment>
        <translation>备注</translation>
    </message>
    <message>
        <source>“{text}” is not a real date: no due date was set.</source>
        <translation>“{text}”不是有效日期，未设置完成时间。</translation>
    </message>
    <message>
        <source>“{text}” could not be read as a date: no due date was set.</source>
        <translation>无法将“{text}”识别为日期，未设置完成时间。</translation>
    </message>
    <message>
        <source>The due date “{text}” is already past.</source>
        <translation>完成时间“{text}”已过。</translation>
    </message>
    <message>
        <source>“@” without a name: no owner was set.</source>
        <translation>“@”后没有姓名，未设置负责人。</translation>
    </message>
    <message>
        <source>“{text}” is not an attendee: check the name or add them.</source>
        <translation>“{text}”不在参会人员中：请核对姓名，或将其添加为参会人。</translation>
    </message>
    <message>
        <source>An action has one owner: “{text}” stays in What.</source>
        <translation>一项待办只能有一位负责人：“{text}”保留在事项中。</translation>
    </message>
    <message>
        <source>Only the first date counts: “{text}” stays in What.</source>
        <translation>只取第一个日期：“{text}”保留在事项中。</translation>
    </message>
    <message>
        <source>Only the first place counts: “{text}” stays in What.</source>
        <translation>只取第一个地点：“{text}”保留在事项中。</translation>
    </message>
    <message>
        <source>Only the first reason counts: “{text}” stays in What.</source>
        <translation>只取第一个目的：“{text}”保留在事项中。</translation>
    </message>
    <message>
        <source>Only the first method counts: “{text}” stays in What.</source>
        <translation>只取第一个方式：“{text}”保留在事项中。</translation>
    </message>
    <message>
        <source>Nothing is left for What: the whole line is kept as What.</source>
        <translation>没有内容可作为事项：整行保留为事项。</translation>
    </message>
    <message>
        <source>Too many markers: the rest, from “{text}”, stays in What.</source>
        <translation>标记过多：从“{text}”起的其余内容保留在事项中。</translation>
    </message>
    <message>
        <source>“{text}” was not understood and stays in What.</source>
        <translation>无法识别“{text}”，已保留在事项中。</translation>
    </message>
</context>
<context>
    <name>MeetingListModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>会议名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>会议类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>column header: how many of the meeting&apos;s actions are open</comment>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Action items of the meeting that are still open</source>
        <translation>本次会议尚未完成的待办数</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>Place: {place}</source>
        <translation>地点：{place}</translation>
    </message>
    <message numerus="yes">
        <source>%n open action item(s)</source>
        <translation>
            <numerusform>%n 项待办未完成</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <source>Meetings</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Action Tracker</source>
        <translation>待办跟踪</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>发件箱</translation>
    </message>
</context>
<context>
    <name>MeetingsWorkspace</name>
    <message>
        <source>&amp;New Meeting…</source>
        <translation>新建会议(&amp;N)…</translation>
    </message>
    <message>
        <source>Export Minutes as &amp;PDF…</source>
        <translation>导出纪要 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Send Minutes…</source>
        <translation>发送纪要(&amp;S)…</translation>
    </message>
    <message>
        <source>Export Calendar &amp;Invitation…</source>
        <translation>导出日历邀请(&amp;I)…</translation>
    </message>
    <message>
        <source>Logo for PDF Minutes…</source>
        <translation>PDF 纪要徽标…</translation>
    </message>
    <message>
        <source>Meeting &amp;Details…</source>
        <translation>会议信息(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Delete Meeting…</source>
        <translation>删除会议(&amp;D)…</translation>
    </message>
    <message>
        <source>New Meeting…</source>
        <translation>新建会议…</translation>
    </message>
    <message>
        <source>Plan a meeting or start one now (Ctrl+Shift+N)</source>
        <translation>安排会议或立即开始（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>No meetings yet</source>
        <translation>还没有会议</translation>
    </message>
    <message>
        <source>Plan a meeting or start one now. It starts from its type&apos;s agenda; you capture decisions, notes and 5W1H action items live, and everything is saved as you type.</source>
        <translation>安排一场会议，或立即开始。会议会按类型自动带出议程；会上可实时记录决定、备注和 5W1H 待办事项，输入的内容随时自动保存。</translation>
    </message>
    <message>
        <source>PM Desktop</source>
        <translation>PM Desktop</translation>
    </message>
    <message>
        <source>Logo for PDF minutes (cancel for no logo)</source>
        <translation>PDF 纪要徽标（取消则不使用徽标）</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Send minutes</source>
        <translation>发送纪要</translation>
    </message>
    <message>
        <source>Minutes saved as {path}</source>
        <translation>纪要已保存为 {path}</translation>
    </message>
</context>
<context>
    <name>MinutesExporter</name>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the minutes to {name}…</source>
        <translation>正在将纪要写入 {name}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export minutes</source>
        <translation>导出纪要</translation>
    </message>
    <message>
        <source>Calendar invitations (*.ics)</source>
        <translation>日历邀请 (*.ics)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
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
    <name>NewMeetingDialog</name>
    <message>
        <source>New meeting</source>
        <translation>新建会议</translation>
    </message>
    <message>
        <source>e.g. client headquarters, room 301</source>
        <translation>例如：客户总部 301 会议室</translation>
    </message>
    <message>
        <source>Meetings of a series review each other&apos;s actions</source>
        <translation>同一系列的会议会回顾前次会议的待办</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>名称(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>开始时间(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>地点(&amp;P)：</translation>
    </message>
    <message>
        <source>S&amp;eries:</source>
        <translation>系列(&amp;E)：</translation>
    </message>
    <message>
        <source>Scri&amp;be:</source>
        <translation>记录人(&amp;B)：</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Meeting details</source>
        <translation>会议信息</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>A meeting needs a title.</source>
        <translation>请填写会议名称。</translation>
    </message>
</context>
<context>
    <name>NotesModel</name>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Decision or note</source>
        <translation>决定或备注</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>Any date</source>
        <translation>不限日期</translation>
    </message>
    <message>
        <source>Clear the date</source>
        <translation>清除日期</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>Waiting for network</source>
        <extracomment>internalId of a message row; a recipient row&apos;s internalId is its message&apos;s row + 1. The most of the tree&apos;s width each narrow column may take; the rest is the subject&apos;s.</extracomment>
        <translation>等待联网</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>发送失败</translation>
    </message>
    <message>
        <source>login refused</source>
        <translation>登录被拒绝</translation>
    </message>
    <message>
        <source>mail server unreachable</source>
        <translation>无法连接邮件服务器</translation>
    </message>
    <message>
        <source>certificate or TLS problem</source>
        <translation>证书或加密连接有误</translation>
    </message>
    <message>
        <source>server offers no STARTTLS</source>
        <translation>服务器不支持 STARTTLS</translation>
    </message>
    <message>
        <source>sender address refused</source>
        <translation>发件人地址被拒绝</translation>
    </message>
    <message>
        <source>server refused the connection</source>
        <translation>服务器拒绝连接</translation>
    </message>
    <message>
        <source>recipient refused</source>
        <translation>收件人被拒收</translation>
    </message>
    <message>
        <source>server asked to try later</source>
        <translation>服务器要求稍后重试</translation>
    </message>
    <message>
        <source>message refused</source>
        <translation>邮件被拒收</translation>
    </message>
    <message>
        <source>attachment no longer on this computer</source>
        <translation>附件已不在本机</translation>
    </message>
    <message>
        <source>message could not be written</source>
        <translation>无法生成邮件</translation>
    </message>
    <message>
        <source>delivery problem</source>
        <translation>发送出错</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>Message and recipients</source>
        <translation>邮件与收件人</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>放入时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>No attachment</source>
        <translation>无附件</translation>
    </message>
    <message>
        <source>Waiting to retry: {reason}</source>
        <translation>等待重试：{reason}</translation>
    </message>
    <message>
        <source>Retry at {time}: {reason}</source>
        <translation>{time} 重试：{reason}</translation>
    </message>
    <message>
        <source>{subject}
Queued {time}; {state}</source>
        <translation>{subject}
{time} 放入发件箱；{state}</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) failed</source>
        <translation>
            <numerusform>已失败 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>Next try: {time}</source>
        <translation>下次尝试：{time}</translation>
    </message>
    <message>
        <source>Details: {details}</source>
        <translation>详细信息：{details}</translation>
    </message>
    <message>
        <source>Sent {time}</source>
        <translation>已于 {time} 发送</translation>
    </message>
    <message>
        <source>{name} &lt;{address}&gt;</source>
        <translation>{name} &lt;{address}&gt;</translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <translation>发送失败：{reason}</translation>
    </message>
    <message numerus="yes">
        <source>{state} · %n recipient(s)</source>
        <translation>
            <numerusform>{state} · %n 位收件人</numerusform>
        </translation>
    </message>
    <message>
        <source>{state} · {sent} of {total} sent</source>
        <translation>{state} · 已发送 {sent}/{total}</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <source>Messages are sent when this computer is back online. Until then they wait here with their PDF, and nothing is lost if the laptop is shut down.</source>
        <translation>本机联网后邮件会自动发送。在此之前，邮件连同 PDF 暂存在这里，即使电脑关机也不会丢失。</translation>
    </message>
    <message>
        <source>The outbox is empty</source>
        <translation>发件箱为空</translation>
    </message>
    <message>
        <source>Nothing is waiting to be sent.</source>
        <translation>没有待发送的邮件。</translation>
    </message>
    <message>
        <source>When you send the minutes of a meeting without a network, the PDF and its recipients wait here until this computer is back online.</source>
        <translation>无网络时发送的会议纪要，其 PDF 和收件人会暂存在这里，待本机联网后再发送。</translation>
    </message>
    <message>
        <source>Send Now</source>
        <translation>立即发送</translation>
    </message>
    <message>
        <source>Send the waiting messages through the mail server</source>
        <translation>通过邮件服务器发送等待中的邮件</translation>
    </message>
    <message>
        <source>The outbox could not be read.</source>
        <translation>无法读取发件箱。</translation>
    </message>
    <message>
        <source>The last try failed: {reason}. It is tried again automatically at {time}; Send Now tries at once.</source>
        <translation>上次发送失败：{reason}。将于 {time} 自动重试；点击“立即发送”可马上重试。</translation>
    </message>
    <message>
        <source>Waiting messages are sent automatically within a few minutes, or at once with Send Now. They wait here with their PDF, and nothing is lost if the laptop is shut down.</source>
        <translation>待发送的邮件会在几分钟内自动发出，也可点击“立即发送”马上发送。邮件连同 PDF 暂存在这里，即使电脑关机也不会丢失。</translation>
    </message>
    <message>
        <source>The mail server refused some recipients for good. Select one to see why.</source>
        <translation>邮件服务器已拒收部分收件人。选中一位收件人可查看原因。</translation>
    </message>
    <message>
        <source>Messages wait here with their PDF until the mail server accepts them, and nothing is lost if the laptop is shut down.</source>
        <translation>邮件连同 PDF 暂存在这里，直到邮件服务器接收为止，即使电脑关机也不会丢失。</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) waiting to be sent</source>
        <translation>
            <numerusform>%n 封邮件待发送</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) not delivered to everyone</source>
        <translation>
            <numerusform>%n 封邮件未全部送达</numerusform>
        </translation>
    </message>
    <message>
        <source>; </source>
        <comment>between parts of the outbox summary</comment>
        <translation>；</translation>
    </message>
    <message>
        <source>Send Now was cancelled.</source>
        <translation>已取消立即发送。</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) sent</source>
        <translation>
            <numerusform>已发送给 %n 位收件人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused by the server</source>
        <translation>
            <numerusform>%n 位被服务器拒收</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n will be tried again later</source>
        <translation>
            <numerusform>%n 位稍后重试</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>Day rate</source>
        <translation>人天单价</translation>
    </message>
    <message>
        <source>Month rate</source>
        <translation>人月单价</translation>
    </message>
    <message>
        <source>In pool</source>
        <translation>在池</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红</translation>
    </message>
    <message>
        <source>Black</source>
        <translation>黑</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>已出池</translation>
    </message>
    <message>
        <source>Red records: good conduct</source>
        <translation>红色记录：表现良好</translation>
    </message>
    <message>
        <source>Black records: bad conduct</source>
        <translation>黑色记录：表现不良</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Add someone to the pool</source>
        <translation>添加人员到资源池</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>编辑 {name}</translation>
    </message>
    <message>
        <source>e.g. ERP, 数据治理, 项目管理</source>
        <translation>例如：ERP、数据治理、项目管理</translation>
    </message>
    <message>
        <source>yuan per day, e.g. 2,800</source>
        <translation>元/人天，例如 2,800</translation>
    </message>
    <message>
        <source>yuan per month, e.g. 52,000</source>
        <translation>元/人月，例如 52,000</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Company</source>
        <translation>公司(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Skills</source>
        <translation>技能(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Day rate (yuan)</source>
        <translation>人天单价（元）(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Month rate (yuan)</source>
        <translation>人月单价（元）(&amp;M)</translation>
    </message>
    <message>
        <source>E-&amp;mail</source>
        <translation>电子邮件(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
</context>
<context>
    <name>PlanCalendar</name>
    <message>
        <source>Working day</source>
        <extracomment>Asks for the reason of a change of ``day`` (closing the site when the flag is False); returns None when the user cancels.</extracomment>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Weekend</source>
        <translation>周末</translation>
    </message>
    <message>
        <source>Statutory holiday (休)</source>
        <translation>法定节假日（休）</translation>
    </message>
    <message>
        <source>Weekend worked by law (调休, 班)</source>
        <translation>调休上班日（班）</translation>
    </message>
    <message>
        <source>Site closed (project day off)</source>
        <translation>现场停工（项目休息日）</translation>
    </message>
    <message>
        <source>Worked (project working day)</source>
        <translation>调为工作日（项目工作日）</translation>
    </message>
    <message>
        <source>Statutory holiday</source>
        <translation>法定节假日</translation>
    </message>
    <message>
        <source>Adjusted working day (调休)</source>
        <translation>调休上班日（班）</translation>
    </message>
    <message>
        <source>Site closed</source>
        <translation>现场停工</translation>
    </message>
    <message>
        <source>Project working day</source>
        <translation>项目工作日</translation>
    </message>
</context>
<context>
    <name>PlanCommands</name>
    <message>
        <source>Add “{name}”</source>
        <translation>添加“{name}”</translation>
    </message>
    <message>
        <source>Add the plan “{name}”</source>
        <translation>添加计划“{name}”</translation>
    </message>
    <message>
        <source>Edit “{name}”</source>
        <translation>编辑“{name}”</translation>
    </message>
    <message>
        <source>Move “{name}”</source>
        <translation>移动“{name}”</translation>
    </message>
    <message>
        <source>Delete {what}</source>
        <translation>删除{what}</translation>
    </message>
    <message>
        <source>Indent “{name}”</source>
        <translation>降级“{name}”</translation>
    </message>
    <message>
        <source>Outdent “{name}”</source>
        <translation>升级“{name}”</translation>
    </message>
    <message>
        <source>Move “{name}” up</source>
        <translation>上移“{name}”</translation>
    </message>
    <message>
        <source>Move “{name}” down</source>
        <translation>下移“{name}”</translation>
    </message>
    <message>
        <source>Link “{a}” → “{b}”</source>
        <translation>建立依赖“{a}” → “{b}”</translation>
    </message>
    <message>
        <source>Remove a dependency</source>
        <translation>删除依赖</translation>
    </message>
    <message>
        <source>Change a dependency&apos;s lag</source>
        <translation>修改依赖的延隔时间</translation>
    </message>
    <message>
        <source>Move T to {date}</source>
        <translation>将 T 移至 {date}</translation>
    </message>
    <message>
        <source>Change {date} in the calendar</source>
        <translation>修改日历中的 {date}</translation>
    </message>
    <message>
        <source>Put {person} on “{task}”</source>
        <translation>为“{task}”安排 {person}</translation>
    </message>
    <message>
        <source>Take {person} off a task</source>
        <translation>将 {person} 移出任务</translation>
    </message>
    <message>
        <source>Import {file}</source>
        <translation>导入 {file}</translation>
    </message>
</context>
<context>
    <name>PlanMessages</name>
    <message>
        <source>A task needs a name.</source>
        <translation>任务需要名称。</translation>
    </message>
    <message>
        <source>A duration is a whole number of working days, from 0 to 5,000.</source>
        <translation>工期为 0 到 5,000 之间的整数个工作日。</translation>
    </message>
    <message>
        <source>A task cannot start before T (the contract signing), nor more than 5,000 working days after it.</source>
        <translation>任务不能早于 T（合同签订）开始，也不能晚于 T 之后 5,000 个工作日。</translation>
    </message>
    <message>
        <source>Percent complete is from 0 to 100.</source>
        <translation>完成率为 0 到 100。</translation>
    </message>
    <message>
        <source>A lag is a whole number of working days, at most 5,000 either way.</source>
        <translation>间隔为整数个工作日，正负均不超过 5,000。</translation>
    </message>
    <message>
        <source>A share of a person&apos;s day is from 1 to 100 %.</source>
        <translation>投入比例为 1% 到 100%。</translation>
    </message>
    <message>
        <source>These tasks would depend on each other in a loop: {names}. Nothing was changed.</source>
        <translation>这些任务将形成循环依赖：{names}。未做任何修改。</translation>
    </message>
</context>
<context>
    <name>PlanPdf</name>
    <message>
        <source>WBS</source>
        <translation>WBS</translation>
    </message>
    <message>
        <source>Task name</source>
        <translation>任务名称</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>工期</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>% Complete</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>关键任务</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要任务</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Dependency</source>
        <translation>依赖</translation>
    </message>
    <message>
        <source>Non-working day</source>
        <translation>非工作日</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页 / 共 {pages} 页</translation>
    </message>
    <message>
        <source>Printed {date}</source>
        <translation>打印日期：{date}</translation>
    </message>
    <message>
        <source>T (contract signed) {date}</source>
        <translation>T（合同签订）{date}</translation>
    </message>
    <message>
        <source>The plan has no tasks.</source>
        <translation>计划中没有任务。</translation>
    </message>
</context>
<context>
    <name>PlanTasksModel</name>
    <message>
        <source>WBS</source>
        <extracomment>A task&apos;s row, the field and the new value (a date, an int or text).</extracomment>
        <translation>WBS</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务名称</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>工期</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Predecessors</source>
        <translation>前置任务</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>% Done</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>Slip</source>
        <translation>偏差</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) late</source>
        <translation>
            <numerusform>延后 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) early</source>
        <translation>
            <numerusform>提前 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>On the critical path: any delay moves the end of the project.</source>
        <translation>位于关键路径上：任何延误都会推迟项目完成日期。</translation>
    </message>
    <message numerus="yes">
        <source>Can slip %n working day(s) without moving the end.</source>
        <translation>
            <numerusform>浮动时间 %n 个工作日：在此范围内延误不影响项目完成日期。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanTransfer</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Plan as PDF…</source>
        <translation>计划（PDF）…</translation>
    </message>
    <message>
        <source>Tasks as CSV…</source>
        <translation>任务清单（CSV）…</translation>
    </message>
    <message>
        <source>Microsoft Project XML…</source>
        <translation>Microsoft Project XML…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Tasks from CSV or Excel, or a plan from Microsoft Project, ProjectLibre or GanttProject (XML)</source>
        <translation>从 CSV 或 Excel 导入任务，或从 Microsoft Project、ProjectLibre、GanttProject 导入计划（XML）</translation>
    </message>
    <message>
        <source> plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Microsoft Project XML (*.xml)</source>
        <translation>Microsoft Project XML (*.xml)</translation>
    </message>
    <message>
        <source> master plan</source>
        <translation>主计划</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) started before T in the file and now start at T: {names}.</source>
        <translation>
            <numerusform>文件中有 %n 个任务早于 T 开始，现已改为从 T 开始：{names}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Added to the resource pool: {names}.</source>
        <translation>已添加到资源池：{names}。</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>Import a Plan</source>
        <translation>导入计划</translation>
    </message>
    <message>
        <source>Plans (*.csv *.xlsx *.xml);;CSV (*.csv);;Excel (*.xlsx);;Microsoft Project XML (*.xml)</source>
        <translation>计划文件 (*.csv *.xlsx *.xml);;CSV 文件 (*.csv);;Excel 工作簿 (*.xlsx);;Microsoft Project XML (*.xml)</translation>
    </message>
    <message numerus="yes">
        <source>{file} has %n task(s).</source>
        <translation>
            <numerusform>{file} 中有 %n 个任务。</numerusform>
        </translation>
    </message>
    <message>
        <source>Add to the Plan</source>
        <translation>追加到计划</translation>
    </message>
    <message>
        <source>Replace the Plan</source>
        <translation>替换计划</translation>
    </message>
    <message>
        <source>{file} was not imported: {reason}</source>
        <translation>{file} 未导入：{reason}</translation>
    </message>
    <message>
        <source>The plan is unchanged.</source>
        <translation>计划未做任何改动。</translation>
    </message>
</context>
<context>
    <name>PlanWorkspace</name>
    <message>
        <source>Master Plan</source>
        <translation>主计划</translation>
    </message>
    <message>
        <source>Resource Calendar</source>
        <translation>资源日历</translation>
    </message>
    <message>
        <source>Working Calendar</source>
        <translation>工作日历</translation>
    </message>
</context>
<context>
    <name>PoolTab</name>
    <message>
        <source>Skill, e.g. ERP or 运维</source>
        <translation>技能，例如 ERP 或 运维</translation>
    </message>
    <message>
        <source>Free from</source>
        <translation>空闲时段</translation>
    </message>
    <message>
        <source>In the pool then, not away, and not booked to 100% or more in the period.</source>
        <translation>该期间在池、未离岗，且投入比例合计未达 100%。</translation>
    </message>
    <message>
        <source>Show who left</source>
        <translation>显示已出池人员</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Add Person…</source>
        <translation>添加人员…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Deletes an entry made by mistake. Someone who leaves the pool gets a “left the pool” event.</source>
        <translation>用于删除误录的条目。人员离开资源池时，应为其添加“出池”事件。</translation>
    </message>
    <message>
        <source>Add Event…</source>
        <translation>添加事件…</translation>
    </message>
    <message>
        <source>Select someone to see their history.</source>
        <translation>选择一名人员以查看其履历。</translation>
    </message>
    <message>
        <source>Pool history</source>
        <translation>资源池履历</translation>
    </message>
    <message>
        <source> (left the pool)</source>
        <translation>（已出池）</translation>
    </message>
    <message>
        <source>{kind} · {company}</source>
        <translation>{kind} · {company}</translation>
    </message>
    <message>
        <source>Day rate ¥{day} · month rate ¥{month}</source>
        <translation>人天单价 ¥{day} · 人月单价 ¥{month}</translation>
    </message>
    <message>
        <source>Skills: {skills}</source>
        <translation>技能：{skills}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Delete from the pool list</source>
        <translation>从资源池名单中删除</translation>
    </message>
    <message>
        <source>Delete {name} from the list? Use this for an entry made by mistake; when someone leaves the pool, add a “left the pool” event instead. Undo brings them back.</source>
        <translation>确定从名单中删除 {name} 吗？此操作仅用于误录的条目；人员离开资源池时，请改为添加“出池”事件。可用“撤销”恢复。</translation>
    </message>
    <message>
        <source>Resource pool</source>
        <translation>资源池</translation>
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
    <name>ProjectTeamTab</name>
    <message>
        <source>Apply Model…</source>
        <translation>应用组队模型…</translation>
    </message>
    <message>
        <source>Manage Models…</source>
        <translation>管理组队模型…</translation>
    </message>
    <message>
        <source>Create, edit, duplicate or delete the team models (组队模型).</source>
        <translation>新建、编辑、复制或删除组队模型。</translation>
    </message>
    <message>
        <source>Team model (组队模型):</source>
        <translation>组队模型：</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>派驻…</translation>
    </message>
    <message>
        <source>Remove from Team</source>
        <translation>移出团队</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>{name} has left the resource pool.</source>
        <translation>{name} 已出池。</translation>
    </message>
    <message>
        <source>none applied</source>
        <translation>未应用</translation>
    </message>
    <message>
        <source>Apply the standard staffing for this kind of project: the checks then list the required roles not yet filled.</source>
        <translation>应用此类项目的标准人员配置后，检查中会列出尚未配置的必需角色。</translation>
    </message>
    <message>
        <source>{name} ({type})</source>
        <translation>{name}（{type}）</translation>
    </message>
    <message>
        <source>{role} × {count}</source>
        <translation>{role} × {count}</translation>
    </message>
    <message>
        <source> (optional)</source>
        <translation>（可选）</translation>
    </message>
    <message>
        <source>Roles: {roles}</source>
        <translation>角色：{roles}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{name}: booked {peak}% from {start} to {end}</source>
        <translation>{name}：{start} 至 {end} 投入比例达 {peak}%</translation>
    </message>
    <message>
        <source> — proposed: {names}</source>
        <translation>——建议：{names}</translation>
    </message>
    <message>
        <source>Click to assign someone as {role}.</source>
        <translation>点击派驻人员担任{role}。</translation>
    </message>
    <message>
        <source>Over 100% across projects. Click to show their assignments.</source>
        <translation>跨项目投入比例超过 100%。点击查看其派驻情况。</translation>
    </message>
    <message>
        <source>Click to show their assignments.</source>
        <translation>点击查看其派驻情况。</translation>
    </message>
    <message>
        <source>{name}: type B without a package price, so it costs nothing yet.</source>
        <translation>{name}：B 类派驻尚未填写服务包价格，目前成本为零。</translation>
    </message>
    <message>
        <source>Type the package price in the table.</source>
        <translation>请在表格中填写服务包价格。</translation>
    </message>
    <message>
        <source>Every required role is filled and nobody is booked over 100%.</source>
        <translation>所有必需角色均已配置，且无人超负荷。</translation>
    </message>
    <message>
        <source>Nobody is booked over 100%. Apply a team model to check roles.</source>
        <translation>无人超负荷。应用组队模型后可检查角色配置。</translation>
    </message>
    <message>
        <source>Apply team model</source>
        <translation>应用组队模型</translation>
    </message>
    <message>
        <source>Apply “{name}” to this project? The team already assigned stays as it is; the checks then compare it with the roles of this model.</source>
        <translation>确定对本项目应用“{name}”吗？已派驻的团队保持不变；之后的检查会将其与该模型的角色进行对照。</translation>
    </message>
    <message>
        <source>{name}: {problem}</source>
        <translation>{name}：{problem}</translation>
    </message>
</context>
<context>
    <name>QuickEntryHelp</name>
    <message>
        <source>Action: 提交调研报告; who 张伟; due tomorrow; where 客户总部; why 为了评审</source>
        <translation>待办：提交调研报告；负责人 张伟；明天完成；地点 客户总部；目的 为了评审</translation>
    </message>
    <message>
        <source>Action owned by 李红梅, due Friday of next week</source>
        <translation>待办，负责人 李红梅，下周五完成</translation>
    </message>
    <message>
        <source>Owner 张伟 (an attendee) even without a space; due this coming Friday</source>
        <translation>负责人 张伟（参会人），不加空格也能识别；最近的周五前完成</translation>
    </message>
    <message>
        <source>Action owned by Anna Smith, due Friday of next week, where Zoom</source>
        <translation>待办，负责人 Anna Smith，下周五完成，地点 Zoom</translation>
    </message>
    <message>
        <source>Due 1 December (the next one); how 远程登录 (? and ~ go last)</source>
        <translation>最近的 12月1日完成；方式 远程登录（? 和 ~ 放在最后）</translation>
    </message>
    <message>
        <source>Due in 3 days; why: the audit</source>
        <translation>3 天后完成；目的：the audit</translation>
    </message>
    <message>
        <source>A decision, recorded as typed</source>
        <translation>一条决定，按原文记录</translation>
    </message>
    <message>
        <source>A note, recorded as typed</source>
        <translation>一条备注，按原文记录</translation>
    </message>
    <message>
        <source>A decision (short form)</source>
        <translation>一条决定（简写）</translation>
    </message>
    <message>
        <source>No due date: 2026-02-30 does not exist (flagged)</source>
        <translation>不设完成时间：2026-02-30 不存在（会给出提示）</translation>
    </message>
    <message>
        <source>#123 stays text (a ticket number)</source>
        <translation>#123 保留为文字（如工单号）</translation>
    </message>
    <message>
        <source>A place with spaces in brackets; due 1 December</source>
        <translation>含空格的地点放在方括号里；12月1日完成</translation>
    </message>
    <message>
        <source>Quick-entry syntax</source>
        <translation>快速录入语法</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>any line; or start with 待办： todo:</source>
        <translation>任意一行；或以 待办： todo: 开头</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>start with 决定： 决议： D: /d</source>
        <translation>以 决定： 决议： D: /d 开头</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>start with 备注： 记录： N: /n</source>
        <translation>以 备注： 记录： N: /n 开头</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>@name: type @ to pick an attendee</source>
        <translation>@姓名：输入 @ 可选择参会人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>明天 周五 下周五 月底 12月1日 2026-12-01 +3d, or !12/1 截止12.1 by fri</source>
        <translation>明天 周五 下周五 月底 12月1日 2026-12-01 +3d，或 !12/1 截止12.1 by fri</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>#place, #[Room 301]</source>
        <translation>#地点，#[301 会议室]</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>?reason, 为了… because… (put it last)</source>
        <translation>?原因，为了… because…（放在最后）</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>~method, 方法：… (put it last)</source>
        <translation>~方式，方法：…（放在最后）</translation>
    </message>
    <message>
        <source>save the line</source>
        <translation>保存本行</translation>
    </message>
    <message>
        <source>clear the line</source>
        <translation>清空本行</translation>
    </message>
    <message>
        <source>edit the last item</source>
        <translation>编辑上一条</translation>
    </message>
    <message>
        <source>undo (on an empty line)</source>
        <translation>撤销（空行时）</translation>
    </message>
    <message>
        <source>show or hide this help</source>
        <translation>显示/隐藏本帮助</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Nothing is dropped: what the line does not understand stays in What, and the hint under the line says why. An item without Who or When is marked “To be set” until you fill it in the table.</source>
        <translation>不会丢失任何内容：无法识别的部分保留在“事项”中，输入框下方的提示会说明原因。缺少负责人或完成时间的事项标为“待定”，在表格中补全即可。</translation>
    </message>
</context>
<context>
    <name>RaciModel</name>
    <message>
        <source>Work item / deliverable</source>
        <translation>工作项/交付物</translation>
    </message>
    <message>
        <source>Who writes, who reviews</source>
        <translation>执笔与评审</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Writes: {writers}; Reviews: {reviewers}</source>
        <translation>执笔：{writers}；评审：{reviewers}</translation>
    </message>
</context>
<context>
    <name>RaciTab</name>
    <message>
        <source>Add Work Item…</source>
        <translation>添加工作项…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Remove Work Item</source>
        <translation>删除工作项</translation>
    </message>
    <message>
        <source>R writes it · A answers for it and reviews it (exactly one) · C is consulted · I is informed</source>
        <translation>R 负责执行（执笔）· A 审批负责并评审（仅限一人）· C 咨询 · I 知会</translation>
    </message>
    <message numerus="yes">
        <source>%n work item(s) need attention (highlighted)</source>
        <translation>
            <numerusform>%n 个工作项需要处理（已高亮）</numerusform>
        </translation>
    </message>
    <message>
        <source>Every work item has one A and an R.</source>
        <translation>每个工作项都有一个 A 和至少一个 R。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Not on the team</source>
        <translation>不在团队中</translation>
    </message>
    <message>
        <source>Add work item</source>
        <translation>添加工作项</translation>
    </message>
    <message>
        <source>Work item or deliverable, e.g. 调研报告:</source>
        <translation>工作项或交付物，例如 调研报告：</translation>
    </message>
    <message>
        <source>Rename work item</source>
        <translation>重命名工作项</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Remove work item “{item}”</source>
        <translation>删除工作项“{item}”</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>权力</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>关注度</translation>
    </message>
    <message>
        <source>Attitude</source>
        <translation>态度</translation>
    </message>
    <message>
        <source>Demands (open)</source>
        <translation>诉求（未满足）</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>汇报对象</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>{name} (deleted)</source>
        <translation>{name}（已删除）</translation>
    </message>
</context>
<context>
    <name>RegisterTransfer</name>
    <message>
        <source>Import from CSV or Excel…</source>
        <translation>从 CSV 或 Excel 导入…</translation>
    </message>
    <message>
        <source>Export Register as CSV…</source>
        <translation>导出干系人清单为 CSV…</translation>
    </message>
    <message>
        <source>Export Register as Excel…</source>
        <translation>导出干系人清单为 Excel…</translation>
    </message>
    <message>
        <source>Export Map as PNG…</source>
        <translation>导出权力/关注度地图为 PNG…</translation>
    </message>
    <message>
        <source>Export Map as PDF…</source>
        <translation>导出权力/关注度地图为 PDF…</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>stakeholders</source>
        <translation>干系人清单</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Stakeholders</source>
        <translation>干系人清单</translation>
    </message>
    <message>
        <source>stakeholder map</source>
        <translation>干系人地图</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Import stakeholders</source>
        <translation>导入干系人</translation>
    </message>
    <message>
        <source>Tables (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>表格文件 (*.csv *.xlsx *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>{file} cannot be imported.</source>
        <translation>无法导入 {file}。</translation>
    </message>
</context>
<context>
    <name>ResourceCalendar</name>
    <message>
        <source>{name}-site schedule</source>
        <translation>{name}-驻场安排</translation>
    </message>
    <message>
        <source>The reason is too long (500 characters at most).</source>
        <extracomment>Records the time away (first day, last day, reason); the error met, or None.</extracomment>
        <translation>原因过长（最多 500 个字符）。</translation>
    </message>
    <message>
        <source>More than two years away: check the year.</source>
        <translation>不在岗时间超过两年：请检查年份。</translation>
    </message>
    <message>
        <source>These dates cannot be recorded.</source>
        <translation>无法记录这些日期。</translation>
    </message>
</context>
<context>
    <name>ResourceCommands</name>
    <message>
        <source>Add time away of {name}</source>
        <translation>添加 {name} 的不在岗时间</translation>
    </message>
    <message>
        <source>Remove time away of {name}</source>
        <translation>删除 {name} 的不在岗时间</translation>
    </message>
</context>
<context>
    <name>ResourceExport</name>
    <message>
        <source>{project}: {work}</source>
        <translation>{project}：{work}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Milestone: {name} ({project})</source>
        <translation>里程碑：{name}（{project}）</translation>
    </message>
    <message>
        <source>Person: {person}</source>
        <translation>人员：{person}</translation>
    </message>
    <message>
        <source>Work: {work}</source>
        <translation>工作内容：{work}</translation>
    </message>
    <message>
        <source>Peak load: {peak}%</source>
        <translation>峰值负荷：{peak}%</translation>
    </message>
    <message>
        <source>Tell them by: {day}</source>
        <translation>最晚通知日：{day}</translation>
    </message>
    <message>
        <source>Tell {person}: on site at {project} from {day}</source>
        <translation>通知 {person}：{day} 起到 {project} 驻场</translation>
    </message>
    <message>
        <source>{name}: site visits</source>
        <translation>{name}：驻场安排</translation>
    </message>
</context>
<context>
    <name>ResourcesTab</name>
    <message>
        <source>This project&apos;s people</source>
        <translation>本项目人员</translation>
    </message>
    <message>
        <source>Whole pool</source>
        <translation>整个资源池</translation>
    </message>
    <message>
        <source>3 months</source>
        <translation>3 个月</translation>
    </message>
    <message>
        <source>6 months</source>
        <translation>6 个月</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 年</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>0 %</source>
        <translation>0%</translation>
    </message>
    <message>
        <source>≤ 50 %</source>
        <translation>≤ 50%</translation>
    </message>
    <message>
        <source>≤ 100 %</source>
        <translation>≤ 100%</translation>
    </message>
    <message>
        <source>&gt; 100 %</source>
        <translation>&gt; 100%</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>不在岗</translation>
    </message>
    <message>
        <source>Booked away</source>
        <translation>不在岗但有安排</translation>
    </message>
    <message>
        <source>Non-working</source>
        <translation>非工作日</translation>
    </message>
    <message>
        <source>Export .ics…</source>
        <translation>导出 .ics…</translation>
    </message>
    <message>
        <source>Their site visits and the milestones of those projects, for their calendar</source>
        <translation>导出其驻场安排及相关项目的里程碑，供其导入个人日历</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>工作内容</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>峰值负荷</translation>
    </message>
    <message>
        <source>Tell by</source>
        <translation>最晚通知日</translation>
    </message>
    <message>
        <source>Tell them 5 working days before they must arrive; amber: tell them now.</source>
        <translation>请在到场前 5 个工作日通知本人；琥珀色表示需立即通知。</translation>
    </message>
    <message>
        <source>Needed on site</source>
        <translation>驻场安排</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Time away</source>
        <translation>不在岗时间</translation>
    </message>
    <message>
        <source>Choose a project to see its people&apos;s load, or show the whole pool.</source>
        <translation>选择一个项目以查看其人员负荷，或显示整个资源池。</translation>
    </message>
    <message>
        <source>The resource pool is empty: add people in the Team workspace.</source>
        <translation>资源池为空：请在“团队”工作区中添加人员。</translation>
    </message>
    <message>
        <source>Nobody is on this project&apos;s team or assigned to its tasks yet: assign people in the Team workspace or on the master plan&apos;s tasks.</source>
        <translation>本项目团队中还没有人员，任务也尚未分配资源：请在“团队”工作区派驻人员，或在主计划的任务上分配资源。</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n over-allocated</source>
        <translation>
            <numerusform>%n 人超负荷</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody chosen</source>
        <translation>未选择人员</translation>
    </message>
    <message>
        <source>Choose someone in the calendar to see when they are needed on site.</source>
        <translation>在日历中选择一名人员以查看其驻场安排。</translation>
    </message>
    <message>
        <source>Peak in the period: {peak} %</source>
        <translation>期间峰值负荷：{peak}%</translation>
    </message>
    <message>
        <source>Projects: {names}</source>
        <translation>项目：{names}</translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n 周</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>over-allocated: {count}</source>
        <translation>超负荷：{count}</translation>
    </message>
    <message>
        <source>Tell them now: they must be on site on {day}.</source>
        <translation>请立即通知：需在 {day} 到场。</translation>
    </message>
    <message>
        <source>on site now</source>
        <translation>已驻场</translation>
    </message>
    <message>
        <source>Saving {file}…</source>
        <translation>正在保存 {file}…</translation>
    </message>
    <message>
        <source>Export .ics</source>
        <translation>导出 .ics</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>日历文件 (*.ics)</translation>
    </message>
    <message>
        <source>{file} could not be saved: {reason}</source>
        <translation>无法保存 {file}：{reason}</translation>
    </message>
    <message>
        <source>Choose another folder, or close the file if another program has it open.</source>
        <translation>请换一个文件夹；如果该文件正被其他程序打开，请先将其关闭。</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
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
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>History</source>
        <translation>状态变化</translation>
    </message>
    <message>
        <source>Number of the item in the minutes it was taken in</source>
        <translation>该事项在原会议纪要中的序号</translation>
    </message>
    <message>
        <source>What is to be done</source>
        <translation>要做的事</translation>
    </message>
    <message>
        <source>Who: the owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>When: the due date</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Status of the item: the change is recorded with this meeting</source>
        <translation>事项状态：修改会记录在本次会议中</translation>
    </message>
    <message>
        <source>How the status changed, oldest first</source>
        <translation>状态变化过程，按时间先后</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
</context>
<context>
    <name>RolesModel</name>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必需</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Reviews or writes</source>
        <translation>评审或执笔</translation>
    </message>
    <message>
        <source>Responsibilities</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>The role&apos;s name; two roles cannot have the same name.</source>
        <translation>角色名称；两个角色不能同名。</translation>
    </message>
    <message>
        <source>A required role not filled is listed in the project&apos;s checks.</source>
        <translation>必需角色未配置时，会列在项目的检查中。</translation>
    </message>
    <message>
        <source>How many people the role needs (1 to 50).</source>
        <translation>该角色需要的人数（1 到 50）。</translation>
    </message>
    <message>
        <source>Checked: reviews deliverables (评审); unchecked: writes them (执笔).</source>
        <translation>勾选：评审交付物；不勾选：执笔交付物。</translation>
    </message>
    <message>
        <source>What the role is responsible for.</source>
        <translation>该角色负责的工作。</translation>
    </message>
    <message>
        <source>(name the role)</source>
        <translation>（填写角色名称）</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Reviews</source>
        <comment>the role reviews deliverables: 评审</comment>
        <translation>评审</translation>
    </message>
    <message>
        <source>Writes</source>
        <comment>the role writes deliverables: 执笔</comment>
        <translation>执笔</translation>
    </message>
</context>
<context>
    <name>SecretDialog</name>
    <message>
        <source>Team Server Secret</source>
        <translation>团队服务器密钥</translation>
    </message>
    <message>
        <source>Enter the secret of {user} on {url} to sync:</source>
        <translation>请输入 {user} 在 {url} 上的密钥以进行同步：</translation>
    </message>
    <message>
        <source>Remember in the keyring</source>
        <translation>保存到密钥环</translation>
    </message>
    <message>
        <source>This computer has no keyring ({reason}). The secret is kept only until PM Desktop quits, and is never written to disk.</source>
        <translation>此电脑没有密钥环（{reason}）。密钥仅保留到 PM Desktop 退出，绝不写入磁盘。</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
</context>
<context>
    <name>ServerSettings</name>
    <message>
        <source>no keyring service runs on this computer</source>
        <translation>未运行密钥环服务</translation>
    </message>
    <message>
        <source>its keyring ({backend}) would keep secrets in plain files</source>
        <translation>其密钥环（{backend}）会把密钥存在普通文件中</translation>
    </message>
    <message>
        <source>the keyring does not work: {error}</source>
        <translation>密钥环无法使用：{error}</translation>
    </message>
    <message>
        <source>Optional: the company CA (PEM)</source>
        <translation>可选：公司 CA 证书（PEM）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connecting to {server}…</source>
        <translation>正在连接 {server}…</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>测试已取消。</translation>
    </message>
    <message>
        <source>Choose the CA Certificate</source>
        <translation>选择 CA 证书</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>StakeholderCommands</name>
    <message>
        <source>Add stakeholder “{name}”</source>
        <translation>添加干系人“{name}”</translation>
    </message>
    <message>
        <source>Edit stakeholder “{name}”</source>
        <translation>编辑干系人“{name}”</translation>
    </message>
    <message>
        <source>Move “{name}” on the map</source>
        <translation>在地图上移动“{name}”</translation>
    </message>
    <message>
        <source>Delete stakeholder “{name}”</source>
        <translation>删除干系人“{name}”</translation>
    </message>
    <message>
        <source>Restore stakeholder “{name}”</source>
        <translation>恢复干系人“{name}”</translation>
    </message>
    <message>
        <source>Add demand “{text}”</source>
        <translation>添加诉求“{text}”</translation>
    </message>
    <message>
        <source>Mark demand “{text}” {status}</source>
        <translation>将诉求“{text}”标记为“{status}”</translation>
    </message>
    <message>
        <source>Edit demand “{text}”</source>
        <translation>编辑诉求“{text}”</translation>
    </message>
    <message>
        <source>Remove demand “{text}”</source>
        <translation>删除诉求“{text}”</translation>
    </message>
    <message>
        <source>Log touchpoint “{summary}”</source>
        <translation>添加接触记录“{summary}”</translation>
    </message>
    <message>
        <source>Remove touchpoint “{summary}”</source>
        <translation>删除接触记录“{summary}”</translation>
    </message>
</context>
<context>
    <name>StakeholderDetail</name>
    <message>
        <source>Deleted. Their history stays readable; restore them to edit.</source>
        <translation>已删除。其历史记录仍可查看；恢复后才能编辑。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Select a stakeholder, or add one.</source>
        <translation>请选择一位干系人，或添加新的干系人。</translation>
    </message>
    <message>
        <source>Demands (诉求)</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Touchpoints</source>
        <translation>接触记录</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>单位(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>职务(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Power</source>
        <translation>权力(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Interest</source>
        <translation>关注度(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Attitude</source>
        <translation>态度(&amp;A)</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>电话(&amp;H)</translation>
    </message>
    <message>
        <source>Report&amp;s to</source>
        <translation>汇报对象(&amp;S)</translation>
    </message>
    <message>
        <source>E-&amp;mail</source>
        <translation>电子邮件(&amp;M)</translation>
    </message>
    <message>
        <source>Not&amp;es</source>
        <translation>备注(&amp;E)</translation>
    </message>
    <message>
        <source>1 (low) to 5 (high)</source>
        <translation>1（低）至 5（高）</translation>
    </message>
    <message>
        <source>Tick a demand when it has been addressed; double-click to edit its text.</source>
        <translation>诉求满足后请勾选；双击可编辑内容。</translation>
    </message>
    <message>
        <source>Add a demand and press Enter</source>
        <translation>添加诉求，按 Enter 确认</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>接触方式</translation>
    </message>
    <message>
        <source>Our side</source>
        <translation>我方人员</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>内容摘要</translation>
    </message>
    <message>
        <source>Log Touchpoint…</source>
        <translation>添加接触记录…</translation>
    </message>
    <message>
        <source>Meetings they attended are listed too; edit those in the meeting.</source>
        <translation>其参加过的会议也列在这里；这类记录请到会议中修改。</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Recorded {date}</source>
        <translation>记录于 {date}</translation>
    </message>
    <message>
        <source>No demands recorded yet.</source>
        <translation>尚未记录诉求。</translation>
    </message>
    <message>
        <source>Attended “{meeting}”</source>
        <translation>参加“{meeting}”</translation>
    </message>
    <message>
        <source>(follow-up in the action tracker)</source>
        <translation>（跟进行动见待办跟踪）</translation>
    </message>
    <message>
        <source>Double-click to open the meeting.</source>
        <translation>双击打开该会议。</translation>
    </message>
    <message>
        <source>A stakeholder needs a name.</source>
        <translation>请填写干系人姓名。</translation>
    </message>
    <message>
        <source>Remove touchpoint</source>
        <translation>删除接触记录</translation>
    </message>
    <message>
        <source>This touchpoint is a meeting they attended. Change their attendance in the meeting instead.</source>
        <translation>这条接触记录来自其参加的会议。如需修改，请到该会议中更改其出席情况。</translation>
    </message>
    <message>
        <source>Remove the touchpoint of {date} (“{summary}”)?</source>
        <translation>确定删除 {date} 的接触记录（“{summary}”）吗？</translation>
    </message>
</context>
<context>
    <name>StakeholderImport</name>
    <message>
        <source>, </source>
        <comment>between the items of a list; Chinese: 、</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Name</source>
        <comment>register column</comment>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Organisation</source>
        <comment>register column</comment>
        <translation>单位</translation>
    </message>
    <message>
        <source>Title</source>
        <comment>register column: job title</comment>
        <translation>职务</translation>
    </message>
    <message>
        <source>Role class</source>
        <comment>register column</comment>
        <translation>角色类别</translation>
    </message>
    <message>
        <source>Power</source>
        <comment>register column</comment>
        <translation>权力</translation>
    </message>
    <message>
        <source>Interest</source>
        <comment>register column</comment>
        <translation>关注度</translation>
    </message>
    <message>
        <source>Attitude</source>
        <comment>register column</comment>
        <translation>态度</translation>
    </message>
    <message>
        <source>Demands</source>
        <comment>register column</comment>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Email</source>
        <comment>register column</comment>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <comment>register column</comment>
        <translation>电话</translation>
    </message>
    <message>
        <source>Reports to</source>
        <comment>register column</comment>
        <translation>汇报对象</translation>
    </message>
    <message>
        <source>Notes</source>
        <comment>register column</comment>
        <translation>备注</translation>
    </message>
    <message>
        <source>The file has no name column (a header “{en}” or “{zh}”): nothing can be imported.</source>
        <translation>文件中没有姓名列（表头应为“{en}”或“{zh}”），无法导入任何内容。</translation>
    </message>
    <message>
        <source>The file has no rows to import below its header.</source>
        <translation>表头下方没有可导入的行。</translation>
    </message>
    <message>
        <source>The column “{value}” is not part of the register: it is ignored.</source>
        <translation>“{value}”列不属于干系人清单，已忽略。</translation>
    </message>
    <message>
        <source>Column {value} has no header: it is ignored.</source>
        <translation>第 {value} 列没有表头，已忽略。</translation>
    </message>
    <message>
        <source>“{value}” is a second {column} column: it is ignored.</source>
        <translation>“{value}”是重复的“{column}”列，已忽略。</translation>
    </message>
    <message>
        <source>The name is empty.</source>
        <translation>姓名为空。</translation>
    </message>
    <message>
        <source>“{value}” appears twice in the file (first on line {line}).</source>
        <translation>“{value}”在文件中重复出现（首次出现在第 {line} 行）。</translation>
    </message>
    <message>
        <source>“{value}” is already in the register.</source>
        <translation>“{value}”已在干系人清单中。</translation>
    </message>
    <message>
        <source>“{value}” is not a role class; use one of: {choices}.</source>
        <translation>“{value}”不是有效的角色类别，请使用以下之一：{choices}。</translation>
    </message>
    <message>
        <source>“{value}” is not an attitude; use one of: {choices}.</source>
        <translation>“{value}”不是有效的态度，请使用以下之一：{choices}。</translation>
    </message>
    <message>
        <source>{column} is longer than {limit} characters.</source>
        <translation>“{column}”超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>Reports to “{value}”, who is neither in the file nor in the register: left empty.</source>
        <translation>汇报对象“{value}”既不在文件中，也不在干系人清单中，已留空。</translation>
    </message>
    <message>
        <source>Reports to “{value}” on line {line}, which cannot be imported: left empty.</source>
        <translation>汇报对象“{value}”（第 {line} 行）无法导入，已留空。</translation>
    </message>
    <message>
        <source>Reports to themselves: left empty.</source>
        <translation>汇报对象是其本人，已留空。</translation>
    </message>
    <message>
        <source>Reporting to “{value}” would make a loop of people reporting to each other: left empty.</source>
        <translation>汇报给“{value}”会形成循环汇报关系，已留空。</translation>
    </message>
    <message>
        <source>“{value}” is not an e-mail address: correct it in the file, or leave the cell empty.</source>
        <translation>“{value}”不是有效的邮箱地址：请在文件中改正，或将该单元格留空。</translation>
    </message>
    <message>
        <source>Interest must be a whole number from 1 to 5 (was “{value}”).</source>
        <translation>关注度须为 1 到 5 的整数（当前为“{value}”）。</translation>
    </message>
    <message>
        <source>Power must be a whole number from 1 to 5 (was “{value}”).</source>
        <translation>权力须为 1 到 5 的整数（当前为“{value}”）。</translation>
    </message>
    <message>
        <source>“{value}” is already the 1W in the register; a project usually has one 1W.</source>
        <translation>“{value}”已是干系人清单中的 1W；一个项目通常只有一位 1W。</translation>
    </message>
    <message>
        <source>“{value}” on line {line} is a 1W too; a project usually has one 1W.</source>
        <translation>第 {line} 行的“{value}”也是 1W；一个项目通常只有一位 1W。</translation>
    </message>
    <message>
        <source>{value}</source>
        <translation>{value}</translation>
    </message>
    <message>
        <source>Line</source>
        <comment>the line of the file</comment>
        <translation>行号</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Import stakeholders</source>
        <extracomment>Rows are sized to their problems&apos; text only up to this many rows (it is slow).</extracomment>
        <translation>导入干系人</translation>
    </message>
    <message>
        <source>Preview of “{file}”: nothing is added until you click Import.</source>
        <translation>“{file}”预览：点击“导入”之前不会添加任何内容。</translation>
    </message>
    <message>
        <source>Check all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Uncheck all</source>
        <translation>取消全选</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>The file cannot be opened.</source>
        <translation>无法打开该文件。</translation>
    </message>
    <message>
        <source>This is an old Excel workbook (.xls). Save it as .xlsx or CSV in Excel and import that.</source>
        <translation>这是旧版 Excel 工作簿（.xls）。请在 Excel 中另存为 .xlsx 或 CSV 后再导入。</translation>
    </message>
    <message>
        <source>This Excel workbook cannot be read (damaged or encrypted).</source>
        <translation>无法读取该 Excel 工作簿（文件已损坏或已加密）。</translation>
    </message>
    <message>
        <source>This is neither a CSV file nor an Excel workbook.</source>
        <translation>该文件既不是 CSV 文件，也不是 Excel 工作簿。</translation>
    </message>
    <message>
        <source>The file has no rows.</source>
        <translation>文件中没有任何行。</translation>
    </message>
    <message>
        <source>The file is too large for a stakeholder register.</source>
        <translation>文件过大，超出了干系人清单的导入上限。</translation>
    </message>
</context>
<context>
    <name>StakeholderLabels</name>
    <message>
        <source>1W</source>
        <comment>role class: top decision maker</comment>
        <translation>1W</translation>
    </message>
    <message>
        <source>Strong-C</source>
        <comment>role class: 强C, client&apos;s key business owner</comment>
        <translation>强C</translation>
    </message>
    <message>
        <source>Key user</source>
        <comment>role class: 关键用户</comment>
        <translation>关键用户</translation>
    </message>
    <message>
        <source>IT owner</source>
        <comment>role class: IT负责人</comment>
        <translation>IT负责人</translation>
    </message>
    <message>
        <source>Procurement</source>
        <comment>role class: 采购</comment>
        <translation>采购</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>role class: 其他</comment>
        <translation>其他</translation>
    </message>
    <message>
        <source>1W</source>
        <comment>map badge</comment>
        <translation>1W</translation>
    </message>
    <message>
        <source>Strong-C</source>
        <comment>map badge: 强C</comment>
        <translation>强C</translation>
    </message>
    <message>
        <source>Neutral</source>
        <comment>attitude: 中立</comment>
        <translation>中立</translation>
    </message>
    <message>
        <source>Supporter</source>
        <comment>attitude: 支持者</comment>
        <translation>支持者</translation>
    </message>
    <message>
        <source>Opponent</source>
        <comment>attitude: 反对者</comment>
        <translation>反对者</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>attitude: 未知</comment>
        <translation>未知</translation>
    </message>
    <message>
        <source>Recorded</source>
        <comment>demand status: 已记录</comment>
        <extracomment>Card colours by attitude: readable with dark text, distinct for colour-blind users in hue and lightness (green, grey, red, pale blue).</extracomment>
        <translation>已记录</translation>
    </message>
    <message>
        <source>Addressed</source>
        <comment>demand status: 已满足</comment>
        <translation>已满足</translation>
    </message>
    <message>
        <source>Meeting</source>
        <comment>channel: 会议</comment>
        <translation>会议</translation>
    </message>
    <message>
        <source>Call</source>
        <comment>channel: 电话</comment>
        <translation>电话</translation>
    </message>
    <message>
        <source>Visit</source>
        <comment>channel: 拜访</comment>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Meal</source>
        <comment>channel: 用餐</comment>
        <translation>用餐</translation>
    </message>
    <message>
        <source>Message</source>
        <comment>channel: 消息</comment>
        <translation>消息</translation>
    </message>
    <message>
        <source>Manage closely</source>
        <comment>Mendelow quadrant: 重点管理</comment>
        <translation>重点管理</translation>
    </message>
    <message>
        <source>Keep satisfied</source>
        <comment>Mendelow quadrant: 令其满意</comment>
        <translation>令其满意</translation>
    </message>
    <message>
        <source>Keep informed</source>
        <comment>Mendelow quadrant: 随时告知</comment>
        <translation>随时告知</translation>
    </message>
    <message>
        <source>Monitor</source>
        <comment>Mendelow quadrant: 监督</comment>
        <translation>监督</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>权力</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>关注度</translation>
    </message>
</context>
<context>
    <name>StakeholderMap</name>
    <message>
        <source>Attitude: {attitude}</source>
        <translation>态度：{attitude}</translation>
    </message>
    <message>
        <source>Power: {power} · Interest: {interest}</source>
        <translation>权力：{power} · 关注度：{interest}</translation>
    </message>
    <message>
        <source>Open demands: {count}</source>
        <translation>未满足诉求：{count}</translation>
    </message>
</context>
<context>
    <name>StakeholderMapPdf</name>
    <message>
        <source>Stakeholder map</source>
        <translation>干系人地图</translation>
    </message>
    <message>
        <source>Generated on {date}</source>
        <translation>生成日期：{date}</translation>
    </message>
    <message>
        <source>Attitude:</source>
        <translation>态度：</translation>
    </message>
    <message>
        <source>PM Desktop · power/interest grid</source>
        <translation>PM Desktop · 权力/关注度矩阵</translation>
    </message>
    <message>
        <source>+{count} more</source>
        <translation>另有 {count} 位</translation>
    </message>
</context>
<context>
    <name>StakeholderMessages</name>
    <message>
        <source>A stakeholder needs a name.</source>
        <translation>请填写干系人姓名。</translation>
    </message>
    <message>
        <source>The organisation is too long.</source>
        <translation>单位名称过长。</translation>
    </message>
    <message>
        <source>The title is too long.</source>
        <translation>职务过长。</translation>
    </message>
    <message>
        <source>This is not an e-mail address (name@example.com).</source>
        <translation>这不是有效的邮箱地址（格式如 name@example.com）。</translation>
    </message>
    <message>
        <source>The phone number is too long.</source>
        <translation>电话号码过长。</translation>
    </message>
    <message>
        <source>Power is a whole number from 1 to 5.</source>
        <translation>权力须为 1 到 5 的整数。</translation>
    </message>
    <message>
        <source>Interest is a whole number from 1 to 5.</source>
        <translation>关注度须为 1 到 5 的整数。</translation>
    </message>
    <message>
        <source>A demand needs a text.</source>
        <translation>请填写诉求内容。</translation>
    </message>
    <message>
        <source>Say in a few words what was discussed.</source>
        <translation>请简要说明沟通的内容。</translation>
    </message>
    <message>
        <source>A touchpoint cannot be dated in the future.</source>
        <translation>接触记录的日期不能晚于今天。</translation>
    </message>
    <message>
        <source>A follow-up needs to say what is to be done.</source>
        <translation>跟进行动需写明要做的事项。</translation>
    </message>
    <message>
        <source>That would make a loop: this person already manages, directly or not, the one chosen.</source>
        <translation>这会形成循环汇报：此人已直接或间接管理所选人员。</translation>
    </message>
    <message>
        <source>Nobody reports to themselves.</source>
        <translation>不能将本人设为汇报对象。</translation>
    </message>
    <message>
        <source>The person reported to is not a stakeholder of this project.</source>
        <translation>所选汇报对象不是本项目的干系人。</translation>
    </message>
    <message>
        <source>No 1W identified: who is the top decision maker and final beneficiary?</source>
        <translation>尚未确定 1W：谁是最高决策者和最终受益人？</translation>
    </message>
    <message>
        <source>The 1W {name} has no recorded demands.</source>
        <translation>1W {name} 尚未记录任何诉求。</translation>
    </message>
    <message>
        <source>The 1W {name} was not invited to “{meeting}” ({date}).</source>
        <translation>1W {name} 未受邀参加“{meeting}”（{date}）。</translation>
    </message>
    <message>
        <source>The 1W {name} was not recorded as present at “{meeting}” ({date}).</source>
        <translation>“{meeting}”（{date}）未记录 1W {name} 出席。</translation>
    </message>
    <message>
        <source>The strong-C {name} has never been contacted.</source>
        <translation>强C {name} 从未接触过。</translation>
    </message>
    <message>
        <source>{name}, a powerful opponent, has never been contacted.</source>
        <translation>{name} 是高权力的反对者，但从未接触过。</translation>
    </message>
    <message>
        <source>Shows the register: set the 1W&apos;s role there, or add them.</source>
        <translation>打开干系人清单：在其中把 1W 的角色设为 1W，或新增此人。</translation>
    </message>
    <message>
        <source>Shows the 1Ws in the register.</source>
        <translation>在干系人清单中显示所有 1W。</translation>
    </message>
    <message>
        <source>Opens the meeting.</source>
        <translation>打开该会议。</translation>
    </message>
    <message>
        <source>Opens the stakeholder&apos;s demands.</source>
        <translation>打开该干系人的诉求。</translation>
    </message>
    <message>
        <source>Opens the stakeholder&apos;s touchpoints.</source>
        <translation>打开该干系人的接触记录。</translation>
    </message>
</context>
<context>
    <name>StakeholderTexts</name>
    <message numerus="yes">
        <source>%n stakeholders are marked 1W; a project has one.</source>
        <translation>
            <numerusform>有 %n 位干系人被标为 1W；一个项目只应有一位 1W。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}: %n demand(s) not yet addressed.</source>
        <translation>
            <numerusform>{name}：%n 项诉求尚未满足。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The strong-C {name}: no contact for %n day(s).</source>
        <translation>
            <numerusform>强C {name}：已 %n 天未联系。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}, a powerful opponent: no touchpoint for %n day(s).</source>
        <translation>
            <numerusform>{name} 是高权力的反对者，已 %n 天未接触。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n stakeholder(s)</source>
        <translation>
            <numerusform>删除 %n 位干系人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n stakeholder(s)</source>
        <translation>
            <numerusform>导入 %n 位干系人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stakeholder(s) on the map</source>
        <translation>
            <numerusform>地图上共 %n 位干系人</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StakeholdersWorkspace</name>
    <message>
        <source>Register</source>
        <translation>干系人清单</translation>
    </message>
    <message>
        <source>Power/Interest Map</source>
        <translation>权力/关注度地图</translation>
    </message>
    <message>
        <source>Org Chart</source>
        <translation>组织架构图</translation>
    </message>
    <message>
        <source>Add Stakeholder…</source>
        <translation>添加干系人…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Import / Export</source>
        <translation>导入/导出</translation>
    </message>
    <message>
        <source>Search name, organisation, demands…</source>
        <translation>搜索姓名、单位、诉求…</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>全部角色</translation>
    </message>
    <message>
        <source>All attitudes</source>
        <translation>全部态度</translation>
    </message>
    <message>
        <source>Show deleted</source>
        <translation>显示已删除</translation>
    </message>
    <message>
        <source>Stakeholders</source>
        <translation>干系人</translation>
    </message>
    <message>
        <source>Add stakeholder</source>
        <translation>添加干系人</translation>
    </message>
    <message>
        <source>Name of the new stakeholder:</source>
        <translation>新干系人的姓名：</translation>
    </message>
    <message numerus="yes">
        <source>%n touchpoint(s)</source>
        <translation>
            <numerusform>%n 条接触记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>attended %n meeting(s)</source>
        <translation>
            <numerusform>参加过 %n 次会议</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>owns %n action item(s)</source>
        <translation>
            <numerusform>负责 %n 项待办</numerusform>
        </translation>
    </message>
    <message>
        <source>{name}: {history}</source>
        <translation>{name}：{history}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Delete stakeholders</source>
        <translation>删除干系人</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n stakeholder(s)? Some have a history:</source>
        <translation>
            <numerusform>确定删除 %n 位干系人吗？以下干系人有历史记录：</numerusform>
        </translation>
    </message>
    <message>
        <source>The history stays readable (tick “Show deleted”), and Undo brings them back.</source>
        <translation>历史记录仍可查看（勾选“显示已删除”），也可以用“撤销”恢复。</translation>
    </message>
</context>
<context>
    <name>SyncRunner</name>
    <message>
        <source>Team server: not synced yet</source>
        <extracomment>A local edit is sent this long after the last edit of a burst: well inside the 2 s a change may take to reach another online computer, yet not a round per keystroke. Edits that never pause are still sent at least this often. Run errors after which the long poll keeps going (the hub may be back in a moment); after any other (refused secret, certificate, version, access) it stops until a run succeeds.</extracomment>
        <translation>团队服务器：尚未同步</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Syncing with {url}</source>
        <translation>正在与 {url} 同步</translation>
    </message>
    <message>
        <source>Delete Rows of “{project}”?</source>
        <translation>删除“{project}”中的记录？</translation>
    </message>
    <message>
        <source>In project “{project}”, {deleting} of {rows} rows would be deleted by changes from the team server. Delete them?</source>
        <translation>团队服务器的更改将删除项目“{project}”中 {rows} 条记录中的 {deleting} 条。确定删除吗？</translation>
    </message>
    <message>
        <source>{kind}: {count}</source>
        <translation>{kind}：{count}</translation>
    </message>
    <message>
        <source>Not now keeps them on this computer; Sync Now asks again.</source>
        <translation>选择“暂不”将在本机保留这些记录；下次“立即同步”时会再次询问。</translation>
    </message>
    <message>
        <source>Delete Them</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Not Now</source>
        <translation>暂不</translation>
    </message>
    <message numerus="yes">
        <source>Sent changes of %n record(s).</source>
        <translation>
            <numerusform>已发送 %n 条记录的修改。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Received changes of %n record(s).</source>
        <translation>
            <numerusform>收到 %n 条记录的修改。</numerusform>
        </translation>
    </message>
    <message>
        <source>Downloaded whole: {projects}</source>
        <translation>已完整下载：{projects}</translation>
    </message>
    <message>
        <source>Skipped: {problems}</source>
        <translation>已跳过：{problems}</translation>
    </message>
    <message numerus="yes">
        <source>Not sent: %n record(s) the team server refused ({kinds}): another project holds them there. Their changes stay on this computer; tell the team server&apos;s administrator.</source>
        <translation>
            <numerusform>未发送：团队服务器拒收了 %n 条记录（{kinds}），因为服务器上另一个项目已占用它们。这些更改保留在本机；请告知团队服务器管理员。</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>between record kinds</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Not sent: “{project}”: {why}. Its changes stay here and are sent once the team server&apos;s administrator grants you the project.</source>
        <translation>未发送“{project}”：{why}。其更改保留在本机，待团队服务器管理员为您授予该项目的权限后再发送。</translation>
    </message>
    <message numerus="yes">
        <source>Synced at {time}; {count} project(s) not sent</source>
        <translation>
            <numerusform>已于 {time} 同步；{count} 个项目未发送</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced at {time}</source>
        <translation>已于 {time} 同步</translation>
    </message>
    <message>
        <source>{deleting} of {rows} rows of “{project}” would be deleted by changes from the team server: they are kept until you agree (Sync Now asks again).</source>
        <translation>团队服务器的更改将删除“{project}”中 {rows} 条记录中的 {deleting} 条：在您同意之前，这些记录会保留（“立即同步”时会再次询问）。</translation>
    </message>
    <message>
        <source>Synced at {time}; deletions held</source>
        <translation>已于 {time} 同步；删除暂缓</translation>
    </message>
    <message>
        <source>login refused</source>
        <translation>登录被拒绝</translation>
    </message>
    <message>
        <source>team server unreachable</source>
        <translation>无法连接团队服务器</translation>
    </message>
    <message>
        <source>team server not answering</source>
        <translation>团队服务器无响应</translation>
    </message>
    <message>
        <source>certificate not trusted</source>
        <translation>证书不受信任</translation>
    </message>
    <message>
        <source>not a team server</source>
        <translation>不是团队服务器</translation>
    </message>
    <message>
        <source>team server busy</source>
        <translation>团队服务器繁忙</translation>
    </message>
    <message>
        <source>update PM Desktop</source>
        <translation>请更新 PM Desktop</translation>
    </message>
    <message>
        <source>secret needed</source>
        <translation>需要密钥</translation>
    </message>
    <message>
        <source>database registered to another user</source>
        <translation>数据库已登记给另一位用户</translation>
    </message>
    <message>
        <source>error</source>
        <translation>出错</translation>
    </message>
    <message>
        <source>Not synced: {reason}</source>
        <translation>未同步：{reason}</translation>
    </message>
    <message>
        <source>a project</source>
        <translation>某个项目</translation>
    </message>
    <message>
        <source>The team server refused project “{project}”: {why}. The sync stopped and nothing on this computer was changed; your changes stay here. Ask the team server&apos;s administrator to grant you the project.</source>
        <translation>团队服务器拒绝了项目“{project}”：{why}。同步已停止，本机数据未做任何改动，您的更改仍保留在本机。请联系团队服务器管理员为您授予该项目的权限。</translation>
    </message>
    <message>
        <source>Details: {details}</source>
        <translation>详细信息：{details}</translation>
    </message>
    <message>
        <source>Not synced: no access to “{project}”</source>
        <translation>未同步：无权访问“{project}”</translation>
    </message>
    <message>
        <source>your access to it was revoked on {date}</source>
        <translation>您对该项目的访问权限已于 {date} 被撤销</translation>
    </message>
    <message>
        <source>your access to it expired on {date}</source>
        <translation>您对该项目的访问权限已于 {date} 到期</translation>
    </message>
    <message>
        <source>it is not shared with you</source>
        <translation>该项目未与您共享</translation>
    </message>
    <message>
        <source>Offline: sync waits</source>
        <translation>离线：等待同步</translation>
    </message>
    <message>
        <source>Changes are saved here and sent when the network is back.</source>
        <translation>更改已保存在本机，网络恢复后发送。</translation>
    </message>
</context>
<context>
    <name>SyncSettings</name>
    <message>
        <source>The team server refused the user name or secret: check them in Team Server settings.</source>
        <translation>团队服务器拒绝了用户名或密钥：请在“团队服务器”设置中检查。</translation>
    </message>
    <message>
        <source>The team server could not be reached. Changes stay on this computer until it can.</source>
        <translation>无法连接团队服务器。更改会保留在本机，直到可以连接为止。</translation>
    </message>
    <message>
        <source>The team server did not answer in time.</source>
        <translation>团队服务器未及时响应。</translation>
    </message>
    <message>
        <source>The team server&apos;s certificate could not be verified. If it uses a company certificate, choose its CA file in Team Server settings.</source>
        <translation>无法验证团队服务器的证书。如果使用公司证书，请在“团队服务器”设置中选择其 CA 文件。</translation>
    </message>
    <message>
        <source>The server at this address is not a team server.</source>
        <translation>该地址上的服务器不是团队服务器。</translation>
    </message>
    <message>
        <source>The team server is busy or down: it will be tried again later.</source>
        <translation>团队服务器繁忙或已停止：稍后会重试。</translation>
    </message>
    <message>
        <source>This version of PM Desktop is too old for the team server: update it.</source>
        <translation>此版本的 PM Desktop 对团队服务器而言过旧：请更新。</translation>
    </message>
    <message>
        <source>This computer does not know your team server secret: choose File &gt; Sync Now to enter it.</source>
        <translation>本机没有您的团队服务器密钥：请选择“文件 &gt; 立即同步”进行输入。</translation>
    </message>
    <message>
        <source>No team server is set up yet: open File &gt; Team Server.</source>
        <translation>尚未设置团队服务器：请打开“文件 &gt; 团队服务器”。</translation>
    </message>
    <message>
        <source>The team server has this database registered to another user: sync it with that user&apos;s account, or ask the team server&apos;s administrator.</source>
        <translation>团队服务器上此数据库已登记给另一位用户：请使用该用户的账号同步，或联系团队服务器管理员。</translation>
    </message>
    <message>
        <source>Syncing with the team server failed.</source>
        <translation>与团队服务器同步失败。</translation>
    </message>
    <message>
        <source>Details: {details}</source>
        <translation>详细信息：{details}</translation>
    </message>
    <message>
        <source>The server name {host} was not found: check the server address.</source>
        <translation>找不到服务器名称 {host}：请检查服务器地址。</translation>
    </message>
    <message>
        <source>The server name {host} could not be looked up: check the network connection.</source>
        <translation>无法解析服务器名称 {host}：请检查网络连接。</translation>
    </message>
    <message>
        <source>{address} refused the connection: check the server address and its port, and that the team server is running.</source>
        <translation>{address} 拒绝了连接：请检查服务器地址和端口，并确认团队服务器正在运行。</translation>
    </message>
    <message>
        <source>The server at this address does not use https on this port: check the server address and its port.</source>
        <translation>该地址的服务器在此端口上不使用 https：请检查服务器地址和端口。</translation>
    </message>
    <message>
        <source>The team server&apos;s certificate could not be verified. If it uses a company certificate, choose its CA file.</source>
        <translation>无法验证团队服务器的证书。如果它使用公司自己的证书，请选择其 CA 文件。</translation>
    </message>
    <message>
        <source>The team server refused the user name or secret: check them and test again.</source>
        <translation>团队服务器拒绝了用户名或密钥：请检查后重新测试。</translation>
    </message>
    <message>
        <source>The team server could not be reached: check the network connection.</source>
        <translation>无法连接团队服务器：请检查网络连接。</translation>
    </message>
    <message>
        <source>The team server did not answer in time: check the server address and the network connection.</source>
        <translation>团队服务器未及时响应：请检查服务器地址和网络连接。</translation>
    </message>
    <message>
        <source>The server at this address is not a team server: check the server address.</source>
        <translation>该地址上的服务器不是团队服务器：请检查服务器地址。</translation>
    </message>
    <message>
        <source>The team server is busy or down: try again later.</source>
        <translation>团队服务器繁忙或已停止：请稍后再试。</translation>
    </message>
    <message>
        <source>The CA file cannot be used: choose a CA certificate in PEM format.</source>
        <translation>无法使用该 CA 文件：请选择 PEM 格式的 CA 证书。</translation>
    </message>
    <message>
        <source>The team server is older than this PM Desktop: ask its administrator to update it.</source>
        <translation>团队服务器的版本比此 PM Desktop 旧：请联系其管理员更新。</translation>
    </message>
    <message>
        <source>The connection test failed.</source>
        <translation>连接测试失败。</translation>
    </message>
</context>
<context>
    <name>SyncSettingsDialog</name>
    <message>
        <source>Team Server</source>
        <translation>团队服务器</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Secret:</source>
        <translation>密钥：</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>CA 文件：</translation>
    </message>
    <message>
        <source>This computer has no keyring ({reason}). The secret is kept only until PM Desktop quits, and you will be asked for it again next time. It is never written to disk.</source>
        <translation>此电脑没有密钥环（{reason}）。密钥仅保留到 PM Desktop 退出，下次启动时会再次询问，绝不写入磁盘。</translation>
    </message>
    <message>
        <source>The connection&apos;s certificate is always checked; an https address is advised.</source>
        <translation>始终校验连接的证书；建议使用 https 地址。</translation>
    </message>
    <message>
        <source>Saved (type to change)</source>
        <translation>已保存（输入以更改）</translation>
    </message>
    <message>
        <source>Enter the server address, starting with https://.</source>
        <translation>请输入服务器地址，以 https:// 开头。</translation>
    </message>
    <message>
        <source>Enter your user name on the team server.</source>
        <translation>请输入您在团队服务器上的用户名。</translation>
    </message>
    <message>
        <source>The CA file does not exist.</source>
        <translation>CA 文件不存在。</translation>
    </message>
    <message>
        <source>Enter the secret.</source>
        <translation>请输入密钥。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the names of projects</comment>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <source>Connected as {user}. Projects shared with you: {projects}, and %n project(s) not yet on this computer.</source>
        <translation>
            <numerusform>已以 {user} 身份连接。与您共享的项目：{projects}，以及 %n 个本机尚无的项目。</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected as {user}. Projects shared with you: {projects}.</source>
        <translation>已以 {user} 身份连接。与您共享的项目：{projects}。</translation>
    </message>
    <message numerus="yes">
        <source>Connected as {user}. Shared with you: %n project(s) not yet on this computer.</source>
        <translation>
            <numerusform>已以 {user} 身份连接。与您共享的项目：%n 个本机尚无的项目。</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected as {user}. No project is shared with you yet.</source>
        <translation>已以 {user} 身份连接。尚无与您共享的项目。</translation>
    </message>
</context>
<context>
    <name>TeamCommands</name>
    <message>
        <source>Add “{name}” to the pool</source>
        <translation>将“{name}”加入资源池</translation>
    </message>
    <message>
        <source>Edit “{name}”</source>
        <translation>编辑“{name}”</translation>
    </message>
    <message>
        <source>Remove “{name}” from the pool list</source>
        <translation>从资源池名单中删除“{name}”</translation>
    </message>
    <message>
        <source>Record an event of “{name}”</source>
        <translation>记录“{name}”的事件</translation>
    </message>
    <message>
        <source>Assign “{name}” as {role}</source>
        <translation>派驻“{name}”担任{role}</translation>
    </message>
    <message>
        <source>Edit the assignment of “{name}”</source>
        <translation>编辑“{name}”的派驻</translation>
    </message>
    <message>
        <source>Remove the assignment of “{name}”</source>
        <translation>取消“{name}”的派驻</translation>
    </message>
    <message>
        <source>Apply the team model “{name}”</source>
        <translation>应用组队模型“{name}”</translation>
    </message>
    <message>
        <source>Create the team model “{name}”</source>
        <translation>新建组队模型“{name}”</translation>
    </message>
    <message>
        <source>Edit the team model “{name}”</source>
        <translation>编辑组队模型“{name}”</translation>
    </message>
    <message>
        <source>Delete the team model “{name}”</source>
        <translation>删除组队模型“{name}”</translation>
    </message>
    <message>
        <source>Clear {name}&apos;s part in “{item}”</source>
        <extracomment>The commands that change the team-wide templates (what the models&apos; list may undo). (work item, person id, new value, old value)</extracomment>
        <translation>清除 {name} 在“{item}”中的 RACI 角色</translation>
    </message>
    <message>
        <source>Make {name} {raci} for “{item}”</source>
        <translation>将 {name} 设为“{item}”的 {raci}</translation>
    </message>
    <message>
        <source>Rename “{old}” to “{new}”</source>
        <translation>将“{old}”重命名为“{new}”</translation>
    </message>
</context>
<context>
    <name>TeamCostExport</name>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Service order type</source>
        <translation>服务单类型</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>计费方式</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Rate (yuan)</source>
        <translation>单价（元）</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Total by service-order type</source>
        <translation>按服务单类型合计</translation>
    </message>
    <message>
        <source>Total by role</source>
        <translation>按角色合计</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
</context>
<context>
    <name>TeamLabels</name>
    <message>
        <source>Internal</source>
        <comment>person kind: 内部</comment>
        <translation>内部</translation>
    </message>
    <message>
        <source>Partner</source>
        <comment>person kind: 合作伙伴</comment>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source>Outsourced</source>
        <comment>person kind: 外包 (ODC)</comment>
        <translation>外包</translation>
    </message>
    <message>
        <source>Entered the pool</source>
        <comment>入池</comment>
        <translation>入池</translation>
    </message>
    <message>
        <source>Trained</source>
        <comment>培训</comment>
        <translation>培训</translation>
    </message>
    <message>
        <source>Assigned</source>
        <comment>分派</comment>
        <translation>派驻</translation>
    </message>
    <message>
        <source>Left the pool</source>
        <comment>出池</comment>
        <translation>出池</translation>
    </message>
    <message>
        <source>Settled</source>
        <comment>结算</comment>
        <translation>结算</translation>
    </message>
    <message>
        <source>Red (good)</source>
        <comment>红事件: good conduct</comment>
        <translation>红色记录（表现良好）</translation>
    </message>
    <message>
        <source>Black (bad)</source>
        <comment>黑事件: bad conduct</comment>
        <translation>黑色记录（表现不良）</translation>
    </message>
    <message>
        <source>Product customisation</source>
        <comment>二开</comment>
        <translation>产品二开</translation>
    </message>
    <message>
        <source>Implementation</source>
        <comment>实施</comment>
        <translation>实施</translation>
    </message>
    <message>
        <source>Operations (O&amp;M)</source>
        <comment>运维</comment>
        <translation>运维</translation>
    </message>
    <message>
        <source>Consulting</source>
        <comment>咨询</comment>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>project type: 其他</comment>
        <translation>其他</translation>
    </message>
    <message>
        <source>A · Long-term</source>
        <comment>服务单类型A: 长期人月</comment>
        <translation>A · 长期人月服务</translation>
    </message>
    <message>
        <source>B · Package</source>
        <comment>服务单类型B: 标准交付服务包</comment>
        <translation>B · 标准交付服务包</translation>
    </message>
    <message>
        <source>C · Remote O&amp;M</source>
        <comment>服务单类型C: 远程运维服务包</comment>
        <translation>C · 远程运维服务包</translation>
    </message>
    <message>
        <source>D · On-site</source>
        <comment>服务单类型D: 驻场人力</comment>
        <translation>D · 项目驻场人力</translation>
    </message>
    <message>
        <source>Long-term (over 6 months) person-month service: the month rate × months.</source>
        <translation>长期（6 个月以上）人月服务：人月单价 × 月数。</translation>
    </message>
    <message>
        <source>Standard delivery service package: the package&apos;s price.</source>
        <translation>标准交付服务包：按服务包价格计。</translation>
    </message>
    <message>
        <source>Remote O&amp;M standard package: the day rate × service days.</source>
        <translation>远程运维标准服务包：人天单价 × 服务天数。</translation>
    </message>
    <message>
        <source>On-site staffing: 22 working days or more at the month rate, else the day rate.</source>
        <translation>项目驻场人力：满 22 个工作日按人月单价计，否则按人天单价计。</translation>
    </message>
    <message>
        <source>Person-months</source>
        <translation>人月</translation>
    </message>
    <message>
        <source>Person-days</source>
        <translation>人天</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>服务包</translation>
    </message>
    <message>
        <source>(none)</source>
        <comment>RACI cell left empty</comment>
        <translation>（无）</translation>
    </message>
    <message>
        <source>R · Responsible (writes)</source>
        <translation>R · 负责执行（执笔）</translation>
    </message>
    <message>
        <source>A · Accountable (reviews)</source>
        <translation>A · 审批负责（评审）</translation>
    </message>
    <message>
        <source>C · Consulted</source>
        <translation>C · 咨询</translation>
    </message>
    <message>
        <source>I · Informed</source>
        <translation>I · 知会</translation>
    </message>
    <message>
        <source>No A: nobody reviews it</source>
        <translation>缺少 A：无人评审</translation>
    </message>
    <message>
        <source>Several A: one person answers for it</source>
        <translation>A 不唯一：应只由一人审批负责</translation>
    </message>
    <message>
        <source>No R: nobody writes it</source>
        <translation>缺少 R：无人执笔</translation>
    </message>
</context>
<context>
    <name>TeamMessages</name>
    <message>
        <source>A name is needed.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <source>The day rate is not a sensible amount.</source>
        <translation>人天单价金额不合理。</translation>
    </message>
    <message>
        <source>The month rate is not a sensible amount.</source>
        <translation>人月单价金额不合理。</translation>
    </message>
    <message>
        <source>This is not an e-mail address (name@example.com).</source>
        <translation>这不是有效的邮箱地址（格式如 name@example.com）。</translation>
    </message>
    <message>
        <source>The phone number is too long.</source>
        <translation>电话号码过长。</translation>
    </message>
    <message>
        <source>A skill is too long.</source>
        <translation>技能名称过长。</translation>
    </message>
    <message>
        <source>The end cannot be before the start.</source>
        <translation>结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>The start cannot be after the end.</source>
        <translation>开始日期不能晚于结束日期。</translation>
    </message>
    <message>
        <source>The allocation is a whole percentage from 1 to 100.</source>
        <translation>投入比例须为 1 到 100 的整数百分比。</translation>
    </message>
    <message>
        <source>The package price is an amount in yuan, not negative.</source>
        <translation>服务包价格须为以元为单位的金额，且不能为负数。</translation>
    </message>
    <message>
        <source>Service days are a whole number, not negative.</source>
        <translation>服务天数须为非负整数。</translation>
    </message>
    <message>
        <source>The assignment needs a role.</source>
        <translation>派驻须指定角色。</translation>
    </message>
    <message>
        <source>Choose someone from the resource pool.</source>
        <translation>请从资源池中选择人员。</translation>
    </message>
    <message>
        <source>Two roles of the template have the same name.</source>
        <translation>组队模型中有两个角色同名。</translation>
    </message>
    <message>
        <source>A work item needs a name, unused in this project.</source>
        <translation>工作项须有名称，且不能与本项目中已有的工作项重名。</translation>
    </message>
    <message>
        <source>An event cannot be dated in the future.</source>
        <translation>事件日期不能晚于今天。</translation>
    </message>
    <message>
        <source>Say what happened: red and black records stay in the history.</source>
        <translation>请写明发生了什么：红色、黑色记录会永久保留在履历中。</translation>
    </message>
    <message>
        <source>Type an amount in yuan, e.g. 1,200.50 (not negative).</source>
        <translation>请输入以元为单位的金额，例如 1,200.50（不能为负数）。</translation>
    </message>
</context>
<context>
    <name>TeamTexts</name>
    <message numerus="yes">
        <source>{role}: %n more needed</source>
        <translation>
            <numerusform>{role}：还需 %n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>共 %n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n required role(s) not filled</source>
        <translation>
            <numerusform>%n 个必需角色未配置</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamWorkspace</name>
    <message>
        <source>Project Team</source>
        <translation>项目团队</translation>
    </message>
    <message>
        <source>Responsibilities (RACI)</source>
        <translation>职责分工（RACI）</translation>
    </message>
    <message>
        <source>Resource Pool</source>
        <translation>资源池</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
</context>
<context>
    <name>TemplateEditorDialog</name>
    <message>
        <source>New team model</source>
        <extracomment>Saves the values (through an undoable command); the error it met, or None.</extracomment>
        <translation>新建组队模型</translation>
    </message>
    <message>
        <source>Edit the team model “{name}”</source>
        <translation>编辑组队模型“{name}”</translation>
    </message>
    <message>
        <source>e.g. 产品二开项目</source>
        <translation>例如：产品二开项目</translation>
    </message>
    <message>
        <source>When to use this model, and what it insists on.</source>
        <translation>适用于哪类项目，以及必须满足的要求。</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>Project &amp;type</source>
        <translation>项目类型(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>说明(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Roles</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <source>A built-in model: your edits stay in this database; the model shipped with PM Desktop is not changed.</source>
        <translation>内置模型：修改只保存在本数据库中，不会改动随 PM Desktop 提供的原始模型。</translation>
    </message>
    <message>
        <source>&amp;Add Role</source>
        <translation>添加角色(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;move Role</source>
        <translation>移除角色(&amp;M)</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>This role has no name.</source>
        <translation>该角色没有名称。</translation>
    </message>
    <message>
        <source>Give every role a name (row {rows}), or remove the row.</source>
        <translation>请为每个角色填写名称（第 {rows} 行），或移除该行。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source> / </source>
        <translation> / </translation>
    </message>
    <message>
        <source>{names} (rows {rows})</source>
        <translation>{names}（第 {rows} 行）</translation>
    </message>
    <message>
        <source>Same name as row {rows}.</source>
        <translation>与第 {rows} 行同名。</translation>
    </message>
    <message>
        <source>Two roles cannot have the same name (spaces, width and case do not count): {collisions}. Rename or remove one.</source>
        <translation>两个角色不能同名（不区分空格、全半角和大小写）：{collisions}。请改名或移除其中一个。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>The model needs a name.</source>
        <translation>组队模型需要名称。</translation>
    </message>
</context>
<context>
    <name>TemplateListDialog</name>
    <message>
        <source>Team Models (组队模型)</source>
        <translation>组队模型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Project type</source>
        <translation>项目类型</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>A project keeps the copy of the model it applied: apply the model again to bring in later changes. Built-in models can be edited and deleted here; the change stays in this database.</source>
        <translation>项目保留其应用时的模型副本：如需带入之后的修改，请重新应用。内置模型可在此编辑和删除，修改只保存在本数据库中。</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Du&amp;plicate…</source>
        <translation>复制(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Team&apos;s own</source>
        <comment>a team model made by the users</comment>
        <translation>团队自建</translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation>{name}（副本）</translation>
    </message>
    <message>
        <source>Duplicate the team model “{name}”</source>
        <translation>复制组队模型“{name}”</translation>
    </message>
    <message>
        <source>Saved “{name}”.</source>
        <translation>已保存“{name}”。</translation>
    </message>
    <message>
        <source>Deleted “{name}”. Undo brings it back.</source>
        <translation>已删除“{name}”。撤销可恢复。</translation>
    </message>
</context>
<context>
    <name>TimeAwayDialog</name>
    <message>
        <source>Time away of {name}</source>
        <translation>{name} 的不在岗时间</translation>
    </message>
    <message>
        <source>Leave, training, another customer…</source>
        <translation>休假、培训、其他客户…</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>开始日期(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To (included)</source>
        <translation>结束日期（含当天）(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>Away days are hatched in the calendar; bookings on them are marked.</source>
        <translation>不在岗的日期在日历中以斜线标示，这些日期上的安排会被特别标出。</translation>
    </message>
    <message>
        <source>The last day cannot be before the first.</source>
        <translation>结束日期不能早于开始日期。</translation>
    </message>
</context>
<context>
    <name>TouchpointDialog</name>
    <message>
        <source>Log a touchpoint with {name}</source>
        <translation>记录与 {name} 的接触</translation>
    </message>
    <message>
        <source>Who from our side, e.g. 陈经理, 李架构师</source>
        <translation>我方参与人员，例如：陈经理、李架构师</translation>
    </message>
    <message>
        <source>What was said, what they want, what worries them</source>
        <translation>谈了什么、对方想要什么、担心什么</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>接触方式(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Our side</source>
        <translation>我方人员(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>内容摘要(&amp;S)</translation>
    </message>
    <message>
        <source>Follow-up action</source>
        <translation>跟进行动</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
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
        <source>It becomes an open action item in the project&apos;s action tracker.</source>
        <translation>它会作为未完成的待办出现在本项目的待办跟踪中。</translation>
    </message>
    <message>
        <source>Say in a few words what was discussed.</source>
        <translation>请简要说明沟通的内容。</translation>
    </message>
    <message>
        <source>Say what the follow-up is, or untick it.</source>
        <translation>请写明跟进事项，或取消勾选。</translation>
    </message>
</context>
<context>
    <name>TrackerCommands</name>
    <message>
        <source>Mark the action item “{status}”</source>
        <extracomment>Called after every run of the command, with the error it met (None: it succeeded).</extracomment>
        <translation>将待办标记为“{status}”</translation>
    </message>
    <message>
        <source>Mark {count} action items “{status}”</source>
        <translation>将 {count} 项待办标记为“{status}”</translation>
    </message>
</context>
<context>
    <name>TrackerFilterBar</name>
    <message>
        <source>Search in What…</source>
        <translation>搜索事项…</translation>
    </message>
    <message>
        <source>Search in What</source>
        <translation>搜索事项</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Actions whose owner&apos;s name contains this</source>
        <translation>负责人姓名包含该内容的待办</translation>
    </message>
    <message>
        <source>Due from</source>
        <translation>完成时间起</translation>
    </message>
    <message>
        <source>Due until</source>
        <translation>完成时间止</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅看逾期</translation>
    </message>
    <message>
        <source>Open or in progress, and due before today</source>
        <translation>未开始或进行中，且完成时间早于今天</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>所有项目</translation>
    </message>
    <message>
        <source>Show the action items of every project</source>
        <translation>显示所有项目的待办</translation>
    </message>
    <message>
        <source>Clear Filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Show every action item of the scope again</source>
        <translation>重新显示当前范围内的全部待办</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>负责人(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>Sort &amp;by:</source>
        <translation>排序(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Due:</source>
        <translation>完成时间(&amp;D)：</translation>
    </message>
    <message>
        <source>to</source>
        <comment>between two due dates</comment>
        <translation>至</translation>
    </message>
    <message>
        <source>Overdue only ({count})</source>
        <translation>仅看逾期（{count}）</translation>
    </message>
</context>
<context>
    <name>TrackerLabels</name>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Open and in progress</source>
        <translation>未开始和进行中</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Newest meeting</source>
        <translation>最新会议</translation>
    </message>
</context>
<context>
    <name>TrackerModel</name>
    <message>
        <source>No.</source>
        <extracomment>Reads one page of actions: the filter&apos;s offset and limit say which. The role giving a row&apos;s :class:`TrackedAction`.</extracomment>
        <translation>序号</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
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
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Number of the item in its meeting&apos;s minutes</source>
        <translation>该事项在所属会议纪要中的序号</translation>
    </message>
    <message>
        <source>What is to be done</source>
        <translation>需要完成的事项</translation>
    </message>
    <message>
        <source>Who owns it</source>
        <translation>由谁负责</translation>
    </message>
    <message>
        <source>When it is due</source>
        <translation>何时完成</translation>
    </message>
    <message>
        <source>Where it stands</source>
        <translation>当前进展</translation>
    </message>
    <message>
        <source>Where it happens: a place or a system</source>
        <translation>在哪里做：场所或系统</translation>
    </message>
    <message>
        <source>The meeting that assigned it</source>
        <translation>分派该待办的会议</translation>
    </message>
    <message>
        <source>The project it belongs to</source>
        <translation>所属项目</translation>
    </message>
    <message>
        <source>To be set</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>Why: {why}</source>
        <translation>目的：{why}</translation>
    </message>
    <message>
        <source>How: {how}</source>
        <translation>方式：{how}</translation>
    </message>
    <message>
        <source>Where: {where}</source>
        <translation>地点：{where}</translation>
    </message>
    <message>
        <source>Meeting: {title}</source>
        <translation>会议：{title}</translation>
    </message>
    <message>
        <source>Project: {name}</source>
        <translation>项目：{name}</translation>
    </message>
    <message numerus="yes">
        <source>Overdue by %n day(s).</source>
        <translation>
            <numerusform>已逾期 %n 天。</numerusform>
        </translation>
    </message>
    <message>
        <source>Without a Who and a When, this is not an action yet: set them in the minutes.</source>
        <translation>缺少负责人或完成时间，还不是真正的待办：请在纪要中补全。</translation>
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
        <translation>干系人清单和权力/关注度地图：1W 与强C、态度、诉求、接触记录，以及项目经理不可错过的预警。</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Team-composition models, responsibilities (RACI), the resource pool and cost by service-order type.</source>
        <translation>组队模型、职责分工（RACI）、资源池，以及按服务单类型的成本测算。</translation>
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
<context>
    <name>YearView</name>
    <message>
        <source>Year calendar</source>
        <translation>年历</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n 个工作日</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_AnyDateEdit</name>
    <message>
        <source>Any</source>
        <extracomment>The lowest date of a date edit, shown as &quot;Any&quot;: no bound.</extracomment>
        <translation>不限</translation>
    </message>
</context>
</TS>
