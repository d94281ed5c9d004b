<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>About PM Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;PM Desktop {version}&lt;/h3&gt;&lt;p&gt;Offline-first project management for field project managers and meeting scribes.&lt;/p&gt;&lt;p&gt;Database: {database}&lt;br&gt;Qt {qt}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>PM Desktop cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmptyWorkspace</name>
    <message>
        <source>This workspace is not available in this version yet. Nothing is lost: data made elsewhere for it is kept in the database.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>The file {path} is not a PM Desktop database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} is damaged and cannot be opened. Restore it from a backup (pm-desktop db backup makes one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} cannot be written: the file or its folder is read-only. Choose another file with --db, or change its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} was written by a newer version of PM Desktop. Update PM Desktop to open it; the file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} could not be upgraded. It was left as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details: {details}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Archive Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Archived Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About PM Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a project to keep its stakeholders, team, plan and meetings. Everything is saved on this computer as you type and works without a network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (archived)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore &amp;Archived Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PM Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not synced</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Changes saved on this computer that the team server has not received yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network state unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectCommands</name>
    <message>
        <source>Create project “{name}”</source>
        <extracomment>Called after a command ran, with the project to show (None: any) and the error it met, if any.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename project “{old}” to “{new}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive project “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore archived project “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>Product customisation (二开)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Implementation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operations and maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consulting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 华东制造集团数字化转型咨询</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract signed (T):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A project needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A project name has at most 200 characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspaces</name>
    <message>
        <source>Stakeholders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stakeholder register and power/interest map: the 1W and the strong-C, attitudes, demands, touchpoints and the warnings a PM must not miss.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team-composition models, responsibilities (RACI), the resource pool and cost by service-order type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan &amp; Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The master plan relative to contract signing, Chinese working days, the Gantt chart and who is needed on site when.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting minutes captured live, 5W1H action items tracked across meetings, and PDF minutes for stakeholders.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
