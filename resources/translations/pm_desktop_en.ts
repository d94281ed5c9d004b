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
    <name>MainWindow</name>
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
