<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ActionTrackerView</name>
    <message numerus="yes">
        <source>%n action item(s)</source>
        <translation>
            <numerusform>%n action item</numerusform>
            <numerusform>%n action items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) marked “{status}”.</source>
        <translation>
            <numerusform>%n item marked “{status}”.</numerusform>
            <numerusform>%n items marked “{status}”.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgendaPanel</name>
    <message numerus="yes">
        <source>%n agenda item(s) done</source>
        <translation>
            <numerusform>%n agenda item done</numerusform>
            <numerusform>%n agenda items done</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message numerus="yes">
        <source>{year}: %n working day(s) by the statutory calendar</source>
        <translation>
            <numerusform>{year}: %n working day by the statutory calendar</numerusform>
            <numerusform>{year}: %n working days by the statutory calendar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{year}: %n working day(s) for this project</source>
        <translation>
            <numerusform>{year}: %n working day for this project</numerusform>
            <numerusform>{year}: %n working days for this project</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n exception(s)</source>
        <translation>
            <numerusform>%n exception</numerusform>
            <numerusform>%n exceptions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictsEntry</name>
    <message numerus="yes">
        <source>⚠ %n conflict(s)</source>
        <translation>
            <numerusform>⚠ %n conflict</numerusform>
            <numerusform>⚠ %n conflicts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message numerus="yes">
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n conflict to resolve</numerusform>
            <numerusform>%n conflicts to resolve</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CostLinesModel</name>
    <message numerus="yes">
        <source>%n working day(s) in the period</source>
        <translation>
            <numerusform>%n working day in the period</numerusform>
            <numerusform>%n working days in the period</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HealthPanel</name>
    <message numerus="yes">
        <source>Warnings (%n)</source>
        <translation>
            <numerusform>Warnings (%n)</numerusform>
            <numerusform>Warnings (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message numerus="yes">
        <source>%n row(s) ready to import</source>
        <translation>
            <numerusform>%n row ready to import</numerusform>
            <numerusform>%n rows ready to import</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with problems (not imported)</source>
        <translation>
            <numerusform>%n with problems (not imported)</numerusform>
            <numerusform>%n with problems (not imported)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with warnings</source>
        <translation>
            <numerusform>%n with warnings</numerusform>
            <numerusform>%n with warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n stakeholder(s)</source>
        <translation>
            <numerusform>Import %n stakeholder</numerusform>
            <numerusform>Import %n stakeholders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n stakeholder warning(s) open</source>
        <translation>
            <numerusform>%n stakeholder warning open</numerusform>
            <numerusform>%n stakeholder warnings open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not synced</source>
        <translation>
            <numerusform>%n change not synced</numerusform>
            <numerusform>%n changes not synced</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MasterPlanTab</name>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n on the critical path</source>
        <translation>
            <numerusform>%n on the critical path</numerusform>
            <numerusform>%n on the critical path</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n later than the baseline</source>
        <translation>
            <numerusform>%n later than the baseline</numerusform>
            <numerusform>%n later than the baseline</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n selected task(s) with their sub-tasks?</source>
        <translation>
            <numerusform>Delete the selected task with its sub-tasks?</numerusform>
            <numerusform>Delete the %n selected tasks with their sub-tasks?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sub-task(s) go with them. Edit ▸ Undo brings them back.</source>
        <translation>
            <numerusform>%n sub-task is deleted with them. Edit ▸ Undo brings it back.</numerusform>
            <numerusform>%n sub-tasks are deleted with them. Edit ▸ Undo brings them back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Link %n task(s)</source>
        <translation>
            <numerusform>Link %n task</numerusform>
            <numerusform>Link %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unlink %n task(s)</source>
        <translation>
            <numerusform>Unlink %n task</numerusform>
            <numerusform>Unlink %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The plan has %n task(s) already. Add the template&apos;s tasks after them?</source>
        <translation>
            <numerusform>The plan has a task already. Add the template&apos;s tasks after it?</numerusform>
            <numerusform>The plan has %n tasks already. Add the template&apos;s tasks after them?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetingListModel</name>
    <message numerus="yes">
        <source>%n open action item(s)</source>
        <translation>
            <numerusform>%n open action item</numerusform>
            <numerusform>%n open action items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message numerus="yes">
        <source>{state} · %n recipient(s)</source>
        <translation>
            <numerusform>{state} · %n recipient</numerusform>
            <numerusform>{state} · %n recipients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) failed</source>
        <translation>
            <numerusform>%n attempt failed</numerusform>
            <numerusform>%n attempts failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message numerus="yes">
        <source>%n message(s) waiting to be sent</source>
        <translation>
            <numerusform>%n message waiting to be sent</numerusform>
            <numerusform>%n messages waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) not delivered to everyone</source>
        <translation>
            <numerusform>%n message not delivered to everyone</numerusform>
            <numerusform>%n messages not delivered to everyone</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) sent</source>
        <translation>
            <numerusform>%n recipient sent</numerusform>
            <numerusform>%n recipients sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused by the server</source>
        <translation>
            <numerusform>%n refused by the server</numerusform>
            <numerusform>%n refused by the server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n will be tried again later</source>
        <translation>
            <numerusform>%n will be tried again later</numerusform>
            <numerusform>%n will be tried again later</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanTasksModel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) late</source>
        <translation>
            <numerusform>%n day late</numerusform>
            <numerusform>%n days late</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) early</source>
        <translation>
            <numerusform>%n day early</numerusform>
            <numerusform>%n days early</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Can slip %n working day(s) without moving the end.</source>
        <translation>
            <numerusform>Can slip %n working day without moving the end.</numerusform>
            <numerusform>Can slip %n working days without moving the end.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanTransfer</name>
    <message numerus="yes">
        <source>%n task(s) started before T in the file and now start at T: {names}.</source>
        <translation>
            <numerusform>%n task started before T in the file and now starts at T: {names}.</numerusform>
            <numerusform>%n tasks started before T in the file and now start at T: {names}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{file} has %n task(s).</source>
        <translation>
            <numerusform>{file} has %n task.</numerusform>
            <numerusform>{file} has %n tasks.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RaciTab</name>
    <message numerus="yes">
        <source>%n work item(s) need attention (highlighted)</source>
        <translation>
            <numerusform>%n work item needs attention (highlighted)</numerusform>
            <numerusform>%n work items need attention (highlighted)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResourcesTab</name>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n over-allocated</source>
        <translation>
            <numerusform>%n over-allocated</numerusform>
            <numerusform>%n over-allocated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n week</numerusform>
            <numerusform>%n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StakeholderTexts</name>
    <message numerus="yes">
        <source>%n stakeholders are marked 1W; a project has one.</source>
        <translation>
            <numerusform>%n stakeholder is marked 1W; a project has one.</numerusform>
            <numerusform>%n stakeholders are marked 1W; a project has one.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}: %n demand(s) not yet addressed.</source>
        <translation>
            <numerusform>{name}: %n demand not yet addressed.</numerusform>
            <numerusform>{name}: %n demands not yet addressed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The strong-C {name}: no contact for %n day(s).</source>
        <translation>
            <numerusform>The strong-C {name}: no contact for %n day.</numerusform>
            <numerusform>The strong-C {name}: no contact for %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}, a powerful opponent: no touchpoint for %n day(s).</source>
        <translation>
            <numerusform>{name}, a powerful opponent: no touchpoint for %n day.</numerusform>
            <numerusform>{name}, a powerful opponent: no touchpoint for %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n stakeholder(s)</source>
        <translation>
            <numerusform>Delete %n stakeholder</numerusform>
            <numerusform>Delete %n stakeholders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n stakeholder(s)</source>
        <translation>
            <numerusform>Import %n stakeholder</numerusform>
            <numerusform>Import %n stakeholders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stakeholder(s) on the map</source>
        <translation>
            <numerusform>%n stakeholder on the map</numerusform>
            <numerusform>%n stakeholders on the map</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StakeholdersWorkspace</name>
    <message numerus="yes">
        <source>Delete %n stakeholder(s)? Some have a history:</source>
        <translation>
            <numerusform>Delete %n stakeholder? They have a history:</numerusform>
            <numerusform>Delete %n stakeholders? Some have a history:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n touchpoint(s)</source>
        <translation>
            <numerusform>%n touchpoint</numerusform>
            <numerusform>%n touchpoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>attended %n meeting(s)</source>
        <translation>
            <numerusform>attended %n meeting</numerusform>
            <numerusform>attended %n meetings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>owns %n action item(s)</source>
        <translation>
            <numerusform>owns %n action item</numerusform>
            <numerusform>owns %n action items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncRunner</name>
    <message numerus="yes">
        <source>Sent changes of %n record(s).</source>
        <translation>
            <numerusform>Sent changes of %n record.</numerusform>
            <numerusform>Sent changes of %n records.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Received changes of %n record(s).</source>
        <translation>
            <numerusform>Received changes of %n record.</numerusform>
            <numerusform>Received changes of %n records.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not sent: %n record(s) the team server refused ({kinds}): another project holds them there. Their changes stay on this computer; tell the team server&apos;s administrator.</source>
        <translation>
            <numerusform>Not sent: %n record the team server refused ({kinds}): another project holds it there. Its changes stay on this computer; tell the team server&apos;s administrator.</numerusform>
            <numerusform>Not sent: %n records the team server refused ({kinds}): another project holds them there. Their changes stay on this computer; tell the team server&apos;s administrator.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synced at {time}; {count} project(s) not sent</source>
        <translation>
            <numerusform>Synced at {time}; {count} project not sent</numerusform>
            <numerusform>Synced at {time}; {count} projects not sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncSettingsDialog</name>
    <message numerus="yes">
        <source>Connected as {user}. Projects shared with you: {projects}, and %n project(s) not yet on this computer.</source>
        <translation>
            <numerusform>Connected as {user}. Projects shared with you: {projects}, and %n project not yet on this computer.</numerusform>
            <numerusform>Connected as {user}. Projects shared with you: {projects}, and %n projects not yet on this computer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connected as {user}. Shared with you: %n project(s) not yet on this computer.</source>
        <translation>
            <numerusform>Connected as {user}. Shared with you: %n project not yet on this computer.</numerusform>
            <numerusform>Connected as {user}. Shared with you: %n projects not yet on this computer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamTexts</name>
    <message numerus="yes">
        <source>{role}: %n more needed</source>
        <translation>
            <numerusform>{role}: %n more needed</numerusform>
            <numerusform>{role}: %n more needed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n required role(s) not filled</source>
        <translation>
            <numerusform>%n required role not filled</numerusform>
            <numerusform>%n required roles not filled</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrackerModel</name>
    <message numerus="yes">
        <source>Overdue by %n day(s).</source>
        <translation>
            <numerusform>Overdue by %n day.</numerusform>
            <numerusform>Overdue by %n days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>YearView</name>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
</context>
</TS>
