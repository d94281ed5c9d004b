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
</TS>
