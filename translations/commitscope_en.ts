<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CanvasLegend</name>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1 more</translation>
    </message>
    <message>
        <source>request</source>
        <translation>request</translation>
    </message>
    <message>
        <source>yes vote</source>
        <translation>yes vote</translation>
    </message>
    <message>
        <source>no vote</source>
        <translation>no vote</translation>
    </message>
    <message>
        <source>pre-decision</source>
        <translation>pre-decision</translation>
    </message>
    <message>
        <source>commit decision</source>
        <translation>commit decision</translation>
    </message>
    <message>
        <source>abort decision</source>
        <translation>abort decision</translation>
    </message>
    <message>
        <source>acknowledgement</source>
        <translation>acknowledgement</translation>
    </message>
    <message>
        <source>recovery</source>
        <translation>recovery</translation>
    </message>
    <message>
        <source>compensation</source>
        <translation>compensation</translation>
    </message>
    <message>
        <source>replication</source>
        <translation>replication</translation>
    </message>
    <message>
        <source>election</source>
        <translation>election</translation>
    </message>
    <message>
        <source>success</source>
        <translation>success</translation>
    </message>
    <message>
        <source>failure</source>
        <translation>failure</translation>
    </message>
    <message>
        <source>event</source>
        <translation>event</translation>
    </message>
</context>
<context>
    <name>CanvasToast</name>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Undo this fault (Ctrl+Z)</source>
        <translation>Undo this fault (Ctrl+Z)</translation>
    </message>
</context>
<context>
    <name>CanvasView</name>
    <message>
        <source>Topology canvas</source>
        <translation>Topology canvas</translation>
    </message>
    <message>
        <source>txn %1</source>
        <translation>txn %1</translation>
    </message>
    <message>
        <source>%1 (%2): %3. Click to select, drag to move, right-click to crash or restart.</source>
        <translation>%1 (%2): %3. Click to select, drag to move, right-click to crash or restart.</translation>
    </message>
    <message>
        <source>down</source>
        <translation>down</translation>
    </message>
    <message>
        <source>Side %1</source>
        <translation>Side %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · txn %2&lt;br&gt;%3 → %4&lt;br&gt;sent %5 ms, arrives %6 ms&lt;br&gt;payload a = %7, b = %8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · txn %2&lt;br&gt;%3 → %4&lt;br&gt;sent %5 ms, arrives %6 ms&lt;br&gt;payload a = %7, b = %8</translation>
    </message>
    <message>
        <source>network duplicate of message #%1</source>
        <translation>network duplicate of message #%1</translation>
    </message>
    <message>
        <source>will be lost: %1</source>
        <translation>will be lost: %1</translation>
    </message>
    <message>
        <source>Crash %1</source>
        <translation>Crash %1</translation>
    </message>
    <message>
        <source>Restart %1</source>
        <translation>Restart %1</translation>
    </message>
    <message>
        <source>Drop next message to…</source>
        <translation>Drop next message to…</translation>
    </message>
    <message>
        <source>Duplicate next message to…</source>
        <translation>Duplicate next message to…</translation>
    </message>
    <message>
        <source>Cut all links of %1</source>
        <translation>Cut all links of %1</translation>
    </message>
    <message>
        <source>Heal all links of %1</source>
        <translation>Heal all links of %1</translation>
    </message>
    <message>
        <source>Heal the partition</source>
        <translation>Heal the partition</translation>
    </message>
    <message>
        <source>Show details of %1</source>
        <translation>Show details of %1</translation>
    </message>
    <message>
        <source>Link %1 – %2</source>
        <translation>Link %1 – %2</translation>
    </message>
    <message>
        <source>Cut link</source>
        <translation>Cut link</translation>
    </message>
    <message>
        <source>Heal link</source>
        <translation>Heal link</translation>
    </message>
    <message>
        <source>Drop next message on this link</source>
        <translation>Drop next message on this link</translation>
    </message>
    <message>
        <source>Duplicate next message on this link</source>
        <translation>Duplicate next message on this link</translation>
    </message>
    <message>
        <source>Release to put the encircled nodes on one side of a partition</source>
        <translation>Release to put the encircled nodes on one side of a partition</translation>
    </message>
    <message>
        <source>t = %1 ms</source>
        <translation>t = %1 ms</translation>
    </message>
    <message>
        <source>cut link</source>
        <translation>cut link</translation>
    </message>
    <message>
        <source>message that will be lost</source>
        <translation>message that will be lost</translation>
    </message>
    <message>
        <source>crashed node</source>
        <translation>crashed node</translation>
    </message>
    <message>
        <source>Link %1 – %2 is cut. Double-click to heal it.</source>
        <translation>Link %1 – %2 is cut. Double-click to heal it.</translation>
    </message>
    <message>
        <source>Link %1 – %2. Double-click to cut it; right-click for more faults.</source>
        <translation>Link %1 – %2. Double-click to cut it; right-click for more faults.</translation>
    </message>
    <message>
        <source>Link %1 – %2 cut</source>
        <translation>Link %1 – %2 cut</translation>
    </message>
    <message>
        <source>Double-click a link to cut or heal it · right-click a node or link for faults · Shift+drag around nodes to partition</source>
        <translation>Double-click a link to cut or heal it · right-click a node or link for faults · Shift+drag around nodes to partition</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare protocols</source>
        <translation>Compare protocols</translation>
    </message>
    <message>
        <source>Run this scenario&apos;s workload and faults against 2 to 4 protocols side by side. A fault on the coordinating node or on worker k applies to the matching node of every protocol.</source>
        <translation>Run this scenario&apos;s workload and faults against 2 to 4 protocols side by side. A fault on the coordinating node or on worker k applies to the matching node of every protocol.</translation>
    </message>
</context>
<context>
    <name>CompareLab</name>
    <message>
        <source>Choose 2 to 4 protocols to compare.</source>
        <translation>Choose 2 to 4 protocols to compare.</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 (%2 ms)</source>
        <translation>%1 (%2 ms)</translation>
    </message>
    <message>
        <source>all %1 held</source>
        <translation>all %1 held</translation>
    </message>
    <message>
        <source>violated: %1</source>
        <translation>violated: %1</translation>
    </message>
    <message>
        <source>Committed %1 · locks held %2 ms · blocked %3 ms · compensations %4</source>
        <translation>Committed %1 · locks held %2 ms · blocked %3 ms · compensations %4</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <source>now</source>
        <translation>now</translation>
    </message>
    <message>
        <source>Committed / started</source>
        <translation>Committed / started</translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation>Aborted</translation>
    </message>
    <message>
        <source>Throughput (txn/s)</source>
        <translation>Throughput (txn/s)</translation>
    </message>
    <message>
        <source>Latency, mean (ms)</source>
        <translation>Latency, mean (ms)</translation>
    </message>
    <message>
        <source>Latency, p99 (ms)</source>
        <translation>Latency, p99 (ms)</translation>
    </message>
    <message>
        <source>Locks/reservations held (ms)</source>
        <translation>Locks/reservations held (ms)</translation>
    </message>
    <message>
        <source>Time blocked (ms)</source>
        <translation>Time blocked (ms)</translation>
    </message>
    <message>
        <source>Compensations</source>
        <translation>Compensations</translation>
    </message>
    <message>
        <source>Inconsistency windows</source>
        <translation>Inconsistency windows</translation>
    </message>
    <message>
        <source>Invariants</source>
        <translation>Invariants</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>Committed</translation>
    </message>
    <message>
        <source>Inconsistency windows (ms)</source>
        <translation>Inconsistency windows (ms)</translation>
    </message>
    <message>
        <source>Compare protocols — CommitScope</source>
        <translation>Compare protocols — CommitScope</translation>
    </message>
    <message>
        <source>Undo fault</source>
        <translation>Undo fault</translation>
    </message>
    <message>
        <source>Undo the last fault in every pane</source>
        <translation>Undo the last fault in every pane</translation>
    </message>
    <message>
        <source>Redo fault</source>
        <translation>Redo fault</translation>
    </message>
    <message>
        <source>Play or pause every pane on one clock</source>
        <translation>Play or pause every pane on one clock</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>Chart:</translation>
    </message>
    <message>
        <source>virtual time (ms)</source>
        <translation>virtual time (ms)</translation>
    </message>
    <message>
        <source>Committed %1 · held %2 ms · blocked %3 ms</source>
        <translation>Committed %1 · held %2 ms · blocked %3 ms</translation>
    </message>
    <message>
        <source>Panes</source>
        <translation>Panes</translation>
    </message>
    <message>
        <source>Show the protocols side by side (Ctrl+1)</source>
        <translation>Show the protocols side by side (Ctrl+1)</translation>
    </message>
    <message>
        <source>Table and chart</source>
        <translation>Table and chart</translation>
    </message>
    <message>
        <source>Show the comparison table and the chart (Ctrl+2)</source>
        <translation>Show the comparison table and the chart (Ctrl+2)</translation>
    </message>
</context>
<context>
    <name>DropNotice</name>
    <message>
        <source>Showing the last %1 of %2 events</source>
        <translation>Showing the last %1 of %2 events</translation>
    </message>
    <message>
        <source>Log: the last %1 of %2 records (finished transactions forgotten)</source>
        <translation>Log: the last %1 of %2 records (finished transactions forgotten)</translation>
    </message>
</context>
<context>
    <name>EngineCompareRefusal</name>
    <message>
        <source>unknown protocol &quot;%1&quot;</source>
        <translation>unknown protocol &quot;%1&quot;</translation>
    </message>
    <message>
        <source>its parameters are not valid (%1)</source>
        <translation>its parameters are not valid (%1)</translation>
    </message>
    <message>
        <source>it is not a protocol</source>
        <translation>it is not a protocol</translation>
    </message>
    <message>
        <source>it has no transaction workload</source>
        <translation>it has no transaction workload</translation>
    </message>
    <message>
        <source>%1 has no transaction workload to compare</source>
        <translation>%1 has no transaction workload to compare</translation>
    </message>
    <message>
        <source>random abort votes (abort_probability) have no common form</source>
        <translation>random abort votes (abort_probability) have no common form</translation>
    </message>
    <message>
        <source>random saga failures (fail_probability below 1) have no common form</source>
        <translation>random saga failures (fail_probability below 1) have no common form</translation>
    </message>
    <message>
        <source>a step that times out (fail_mode &quot;timeout&quot;) is not a refusal</source>
        <translation>a step that times out (fail_mode &quot;timeout&quot;) is not a refusal</translation>
    </message>
    <message>
        <source>the capacity at %1 (%2) runs out part-way through the workload, which has no common form</source>
        <translation>the capacity at %1 (%2) runs out part-way through the workload, which has no common form</translation>
    </message>
    <message>
        <source>%1 has exactly %2 worker node(s) (%3); the file has %4</source>
        <translation>%1 has exactly %2 worker node(s) (%3); the file has %4</translation>
    </message>
    <message>
        <source>%1 has %2 to %3 worker nodes (%4); the file has %5</source>
        <translation>%1 has %2 to %3 worker nodes (%4); the file has %5</translation>
    </message>
    <message>
        <source>%1 has no way for a worker to refuse a transaction; the file has worker %2 (%3) refusing</source>
        <translation>%1 has no way for a worker to refuse a transaction; the file has worker %2 (%3) refusing</translation>
    </message>
    <message>
        <source>%1 cannot make worker %2 (%3) refuse only some transactions: a service refuses once its capacity is gone</source>
        <translation>%1 cannot make worker %2 (%3) refuse only some transactions: a service refuses once its capacity is gone</translation>
    </message>
    <message>
        <source>%1 fails a saga at one step only; the file has worker %2 (%3) and worker %4 (%5) refusing different transactions</source>
        <translation>%1 fails a saga at one step only; the file has worker %2 (%3) and worker %4 (%5) refusing different transactions</translation>
    </message>
    <message>
        <source>fault %1 (%2) acts on the coordinating node %3, and %4 has none</source>
        <translation>fault %1 (%2) acts on the coordinating node %3, and %4 has none</translation>
    </message>
    <message>
        <source>fault %1 (%2) names %3, which has no counterpart in %4 (only the coordinating node and the workers are matched)</source>
        <translation>fault %1 (%2) names %3, which has no counterpart in %4 (only the coordinating node and the workers are matched)</translation>
    </message>
    <message>
        <source>fault %1 (%2) waits for event #%3 of this protocol&apos;s own run, which %4 does not have; give it a time (&quot;at_ms&quot;) instead</source>
        <translation>fault %1 (%2) waits for event #%3 of this protocol&apos;s own run, which %4 does not have; give it a time (&quot;at_ms&quot;) instead</translation>
    </message>
    <message>
        <source>fault %1 (%2) waits for the state %3, which %4 does not have (nor one state of the same kind at that node)</source>
        <translation>fault %1 (%2) waits for the state %3, which %4 does not have (nor one state of the same kind at that node)</translation>
    </message>
    <message>
        <source>fault %1 (%2) waits for the message %3, which %4 does not send</source>
        <translation>fault %1 (%2) waits for the message %3, which %4 does not send</translation>
    </message>
    <message>
        <source>%1 cannot run this scenario: %2</source>
        <translation>%1 cannot run this scenario: %2</translation>
    </message>
</context>
<context>
    <name>EngineDrop</name>
    <message>
        <source>not dropped</source>
        <translation>not dropped</translation>
    </message>
    <message>
        <source>lost by the network</source>
        <translation>lost by the network</translation>
    </message>
    <message>
        <source>link cut</source>
        <translation>link cut</translation>
    </message>
    <message>
        <source>across the partition</source>
        <translation>across the partition</translation>
    </message>
    <message>
        <source>receiver crashed</source>
        <translation>receiver crashed</translation>
    </message>
    <message>
        <source>dropped on purpose</source>
        <translation>dropped on purpose</translation>
    </message>
</context>
<context>
    <name>EngineFault</name>
    <message>
        <source>crash</source>
        <translation>crash</translation>
    </message>
    <message>
        <source>restart</source>
        <translation>restart</translation>
    </message>
    <message>
        <source>cut link</source>
        <translation>cut link</translation>
    </message>
    <message>
        <source>heal link</source>
        <translation>heal link</translation>
    </message>
    <message>
        <source>heal all</source>
        <translation>heal all</translation>
    </message>
    <message>
        <source>partition</source>
        <translation>partition</translation>
    </message>
    <message>
        <source>heal partition</source>
        <translation>heal partition</translation>
    </message>
    <message>
        <source>drop next message</source>
        <translation>drop next message</translation>
    </message>
    <message>
        <source>duplicate next message</source>
        <translation>duplicate next message</translation>
    </message>
    <message>
        <source>network settings</source>
        <translation>network settings</translation>
    </message>
</context>
<context>
    <name>EngineHalt</name>
    <message>
        <source>the trace limit (4,000,000 records)</source>
        <translation>the trace limit (4,000,000 records)</translation>
    </message>
    <message>
        <source>the event queue limit (1,000,000 pending events)</source>
        <translation>the event queue limit (1,000,000 pending events)</translation>
    </message>
    <message>
        <source>the memory limit (512 MiB)</source>
        <translation>the memory limit (512 MiB)</translation>
    </message>
</context>
<context>
    <name>EngineInvariant</name>
    <message>
        <source>Agreement</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>Commit validity</source>
        <translation>Commit validity</translation>
    </message>
    <message>
        <source>Commit once</source>
        <translation>Commit once</translation>
    </message>
    <message>
        <source>No two nodes decide differently for a transaction, and no node changes its decision.</source>
        <translation>No two nodes decide differently for a transaction, and no node changes its decision.</translation>
    </message>
    <message>
        <source>Nobody commits unless every participant voted to commit.</source>
        <translation>Nobody commits unless every participant voted to commit.</translation>
    </message>
    <message>
        <source>A node applies a transaction&apos;s commit at most once.</source>
        <translation>A node applies a transaction&apos;s commit at most once.</translation>
    </message>
    <message>
        <source>All or compensated</source>
        <translation>All or compensated</translation>
    </message>
    <message>
        <source>Compensation order</source>
        <translation>Compensation order</translation>
    </message>
    <message>
        <source>Exactly-once effect</source>
        <translation>Exactly-once effect</translation>
    </message>
    <message>
        <source>Effect after commit</source>
        <translation>Effect after commit</translation>
    </message>
    <message>
        <source>Linearizable</source>
        <translation>Linearizable</translation>
    </message>
    <message>
        <source>No stale read</source>
        <translation>No stale read</translation>
    </message>
    <message>
        <source>One primary per term</source>
        <translation>One primary per term</translation>
    </message>
    <message>
        <source>When a saga ends, either all its steps applied, or every step that applied was compensated.</source>
        <translation>When a saga ends, either all its steps applied, or every step that applied was compensated.</translation>
    </message>
    <message>
        <source>Steps are compensated in reverse order.</source>
        <translation>Steps are compensated in reverse order.</translation>
    </message>
    <message>
        <source>Every effect is applied exactly once: duplicates change nothing and nothing is lost.</source>
        <translation>Every effect is applied exactly once: duplicates change nothing and nothing is lost.</translation>
    </message>
    <message>
        <source>An event&apos;s effect is applied only for a transaction its source committed.</source>
        <translation>An event&apos;s effect is applied only for a transaction its source committed.</translation>
    </message>
    <message>
        <source>Every completed read and write fits one sequential order that respects real time.</source>
        <translation>Every completed read and write fits one sequential order that respects real time.</translation>
    </message>
    <message>
        <source>No read misses a write that had completed before the read started.</source>
        <translation>No read misses a write that had completed before the read started.</translation>
    </message>
    <message>
        <source>At most one primary per term has its writes accepted (no split-brain writes).</source>
        <translation>At most one primary per term has its writes accepted (no split-brain writes).</translation>
    </message>
    <message>
        <source>No dirty read</source>
        <translation>No dirty read</translation>
    </message>
    <message>
        <source>No lost update</source>
        <translation>No lost update</translation>
    </message>
    <message>
        <source>All or nothing</source>
        <translation>All or nothing</translation>
    </message>
    <message>
        <source>Confirm once</source>
        <translation>Confirm once</translation>
    </message>
    <message>
        <source>Confirm or cancel, never both</source>
        <translation>Confirm or cancel, never both</translation>
    </message>
    <message>
        <source>Conservation of stock</source>
        <translation>Conservation of stock</translation>
    </message>
    <message>
        <source>No acknowledged write is discarded unless a later write that saw it replaced it.</source>
        <translation>No acknowledged write is discarded unless a later write that saw it replaced it.</translation>
    </message>
    <message>
        <source>No saga reads a value that includes another saga&apos;s unfinished step which is later compensated.</source>
        <translation>No saga reads a value that includes another saga&apos;s unfinished step which is later compensated.</translation>
    </message>
    <message>
        <source>No transaction is confirmed at one service and cancelled, expired or rejected at another.</source>
        <translation>No transaction is confirmed at one service and cancelled, expired or rejected at another.</translation>
    </message>
    <message>
        <source>Each service applies a transaction&apos;s confirm at most once.</source>
        <translation>Each service applies a transaction&apos;s confirm at most once.</translation>
    </message>
    <message>
        <source>No service both confirms and cancels (or expires) one transaction.</source>
        <translation>No service both confirms and cancels (or expires) one transaction.</translation>
    </message>
    <message>
        <source>At every service, available + frozen + consumed equals the capacity; nothing is released twice.</source>
        <translation>At every service, available + frozen + consumed equals the capacity; nothing is released twice.</translation>
    </message>
    <message>
        <source>One value per Paxos instance</source>
        <translation>One value per Paxos instance</translation>
    </message>
    <message>
        <source>Each RM&apos;s Paxos instance chooses at most one value (prepared or aborted).</source>
        <translation>Each RM&apos;s Paxos instance chooses at most one value (prepared or aborted).</translation>
    </message>
</context>
<context>
    <name>EngineLog</name>
    <message>
        <source>BEGIN</source>
        <translation>BEGIN</translation>
    </message>
    <message>
        <source>READY</source>
        <translation>READY</translation>
    </message>
    <message>
        <source>COMMIT</source>
        <translation>COMMIT</translation>
    </message>
    <message>
        <source>ABORT</source>
        <translation>ABORT</translation>
    </message>
    <message>
        <source>END</source>
        <translation>END</translation>
    </message>
    <message>
        <source>PRECOMMIT</source>
        <translation>PRECOMMIT</translation>
    </message>
    <message>
        <source>SAGA_BEGIN</source>
        <translation>SAGA_BEGIN</translation>
    </message>
    <message>
        <source>STEP_DONE</source>
        <translation>STEP_DONE</translation>
    </message>
    <message>
        <source>COMPENSATING</source>
        <translation>COMPENSATING</translation>
    </message>
    <message>
        <source>STEP_COMPENSATED</source>
        <translation>STEP_COMPENSATED</translation>
    </message>
    <message>
        <source>SAGA_COMPLETED</source>
        <translation>SAGA_COMPLETED</translation>
    </message>
    <message>
        <source>SAGA_COMPENSATED</source>
        <translation>SAGA_COMPENSATED</translation>
    </message>
    <message>
        <source>APPLIED</source>
        <translation>APPLIED</translation>
    </message>
    <message>
        <source>REJECTED</source>
        <translation>REJECTED</translation>
    </message>
    <message>
        <source>COMPENSATED</source>
        <translation>COMPENSATED</translation>
    </message>
    <message>
        <source>FINALIZED</source>
        <translation>FINALIZED</translation>
    </message>
    <message>
        <source>EVENT_STORED</source>
        <translation>EVENT_STORED</translation>
    </message>
    <message>
        <source>EVENT_ACKED</source>
        <translation>EVENT_ACKED</translation>
    </message>
    <message>
        <source>PROCESSED</source>
        <translation>PROCESSED</translation>
    </message>
    <message>
        <source>ORDER_APPROVED</source>
        <translation>ORDER_APPROVED</translation>
    </message>
    <message>
        <source>EVENT_OUT</source>
        <translation>EVENT_OUT</translation>
    </message>
    <message>
        <source>EVENT_PUBLISHED</source>
        <translation>EVENT_PUBLISHED</translation>
    </message>
    <message>
        <source>ORDER</source>
        <translation>ORDER</translation>
    </message>
    <message>
        <source>OUTBOX</source>
        <translation>OUTBOX</translation>
    </message>
    <message>
        <source>OUTBOX_SENT</source>
        <translation>OUTBOX_SENT</translation>
    </message>
    <message>
        <source>STORED</source>
        <translation>STORED</translation>
    </message>
    <message>
        <source>CLOCK</source>
        <translation>CLOCK</translation>
    </message>
    <message>
        <source>TERM</source>
        <translation>TERM</translation>
    </message>
    <message>
        <source>VOTE</source>
        <translation>VOTE</translation>
    </message>
    <message>
        <source>ACCEPT</source>
        <translation>ACCEPT</translation>
    </message>
    <message>
        <source>REPLICA</source>
        <translation>REPLICA</translation>
    </message>
    <message>
        <source>TRY</source>
        <translation>TRY</translation>
    </message>
    <message>
        <source>REJECT</source>
        <translation>REJECT</translation>
    </message>
    <message>
        <source>CONFIRM</source>
        <translation>CONFIRM</translation>
    </message>
    <message>
        <source>CANCEL</source>
        <translation>CANCEL</translation>
    </message>
    <message>
        <source>EMPTY_CANCEL</source>
        <translation>EMPTY_CANCEL</translation>
    </message>
    <message>
        <source>EXPIRE</source>
        <translation>EXPIRE</translation>
    </message>
    <message>
        <source>PREPARED</source>
        <translation>PREPARED</translation>
    </message>
    <message>
        <source>PROMISED</source>
        <translation>PROMISED</translation>
    </message>
    <message>
        <source>ACCEPTED</source>
        <translation>ACCEPTED</translation>
    </message>
    <message>
        <source>TOKEN</source>
        <translation>TOKEN</translation>
    </message>
    <message>
        <source>SNAPSHOT</source>
        <translation>SNAPSHOT</translation>
    </message>
    <message>
        <source>HEURISTIC_ABORT</source>
        <translation>HEURISTIC_ABORT</translation>
    </message>
</context>
<context>
    <name>EngineMessage</name>
    <message>
        <source>PREPARE</source>
        <translation>PREPARE</translation>
    </message>
    <message>
        <source>VOTE_COMMIT</source>
        <translation>VOTE_COMMIT</translation>
    </message>
    <message>
        <source>VOTE_ABORT</source>
        <translation>VOTE_ABORT</translation>
    </message>
    <message>
        <source>GLOBAL_COMMIT</source>
        <translation>GLOBAL_COMMIT</translation>
    </message>
    <message>
        <source>GLOBAL_ABORT</source>
        <translation>GLOBAL_ABORT</translation>
    </message>
    <message>
        <source>ACK</source>
        <translation>ACK</translation>
    </message>
    <message>
        <source>DECISION_REQUEST</source>
        <translation>DECISION_REQUEST</translation>
    </message>
    <message>
        <source>PRECOMMIT</source>
        <translation>PRECOMMIT</translation>
    </message>
    <message>
        <source>CAN_COMMIT</source>
        <translation>CAN_COMMIT</translation>
    </message>
    <message>
        <source>ACK_PRECOMMIT</source>
        <translation>ACK_PRECOMMIT</translation>
    </message>
    <message>
        <source>STATE_REQUEST</source>
        <translation>STATE_REQUEST</translation>
    </message>
    <message>
        <source>STATE_REPLY</source>
        <translation>STATE_REPLY</translation>
    </message>
    <message>
        <source>CREATE_ORDER</source>
        <translation>CREATE_ORDER</translation>
    </message>
    <message>
        <source>CHARGE</source>
        <translation>CHARGE</translation>
    </message>
    <message>
        <source>RESERVE_STOCK</source>
        <translation>RESERVE_STOCK</translation>
    </message>
    <message>
        <source>SHIP</source>
        <translation>SHIP</translation>
    </message>
    <message>
        <source>ORDER_CREATED</source>
        <translation>ORDER_CREATED</translation>
    </message>
    <message>
        <source>CHARGED</source>
        <translation>CHARGED</translation>
    </message>
    <message>
        <source>STOCK_RESERVED</source>
        <translation>STOCK_RESERVED</translation>
    </message>
    <message>
        <source>SHIPPED</source>
        <translation>SHIPPED</translation>
    </message>
    <message>
        <source>ORDER_REJECTED</source>
        <translation>ORDER_REJECTED</translation>
    </message>
    <message>
        <source>CHARGE_FAILED</source>
        <translation>CHARGE_FAILED</translation>
    </message>
    <message>
        <source>STOCK_UNAVAILABLE</source>
        <translation>STOCK_UNAVAILABLE</translation>
    </message>
    <message>
        <source>SHIP_FAILED</source>
        <translation>SHIP_FAILED</translation>
    </message>
    <message>
        <source>CANCEL_ORDER</source>
        <translation>CANCEL_ORDER</translation>
    </message>
    <message>
        <source>REFUND</source>
        <translation>REFUND</translation>
    </message>
    <message>
        <source>RELEASE_STOCK</source>
        <translation>RELEASE_STOCK</translation>
    </message>
    <message>
        <source>CANCEL_SHIPMENT</source>
        <translation>CANCEL_SHIPMENT</translation>
    </message>
    <message>
        <source>ORDER_CANCELLED</source>
        <translation>ORDER_CANCELLED</translation>
    </message>
    <message>
        <source>REFUNDED</source>
        <translation>REFUNDED</translation>
    </message>
    <message>
        <source>STOCK_RELEASED</source>
        <translation>STOCK_RELEASED</translation>
    </message>
    <message>
        <source>SHIPMENT_CANCELLED</source>
        <translation>SHIPMENT_CANCELLED</translation>
    </message>
    <message>
        <source>COMPENSATION_FAILED</source>
        <translation>COMPENSATION_FAILED</translation>
    </message>
    <message>
        <source>FINALIZE</source>
        <translation>FINALIZE</translation>
    </message>
    <message>
        <source>FINALIZED</source>
        <translation>FINALIZED</translation>
    </message>
    <message>
        <source>PAYMENT_CHARGED</source>
        <translation>PAYMENT_CHARGED</translation>
    </message>
    <message>
        <source>PAYMENT_FAILED</source>
        <translation>PAYMENT_FAILED</translation>
    </message>
    <message>
        <source>SHIPPING_FAILED</source>
        <translation>SHIPPING_FAILED</translation>
    </message>
    <message>
        <source>PAYMENT_REFUNDED</source>
        <translation>PAYMENT_REFUNDED</translation>
    </message>
    <message>
        <source>PUBLISH_ACK</source>
        <translation>PUBLISH_ACK</translation>
    </message>
    <message>
        <source>DELIVERY_ACK</source>
        <translation>DELIVERY_ACK</translation>
    </message>
    <message>
        <source>POLL</source>
        <translation>POLL</translation>
    </message>
    <message>
        <source>OUTBOX_ROWS</source>
        <translation>OUTBOX_ROWS</translation>
    </message>
    <message>
        <source>PUBLISH</source>
        <translation>PUBLISH</translation>
    </message>
    <message>
        <source>MARK_SENT</source>
        <translation>MARK_SENT</translation>
    </message>
    <message>
        <source>DELIVER</source>
        <translation>DELIVER</translation>
    </message>
    <message>
        <source>READ</source>
        <translation>READ</translation>
    </message>
    <message>
        <source>WRITE</source>
        <translation>WRITE</translation>
    </message>
    <message>
        <source>READ_OK</source>
        <translation>READ_OK</translation>
    </message>
    <message>
        <source>WRITE_OK</source>
        <translation>WRITE_OK</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>FAIL</translation>
    </message>
    <message>
        <source>QUERY</source>
        <translation>QUERY</translation>
    </message>
    <message>
        <source>QUERY_REPLY</source>
        <translation>QUERY_REPLY</translation>
    </message>
    <message>
        <source>STORE</source>
        <translation>STORE</translation>
    </message>
    <message>
        <source>STORE_ACK</source>
        <translation>STORE_ACK</translation>
    </message>
    <message>
        <source>REPLICATE</source>
        <translation>REPLICATE</translation>
    </message>
    <message>
        <source>SYNC</source>
        <translation>SYNC</translation>
    </message>
    <message>
        <source>REDIRECT</source>
        <translation>REDIRECT</translation>
    </message>
    <message>
        <source>HEARTBEAT</source>
        <translation>HEARTBEAT</translation>
    </message>
    <message>
        <source>HEARTBEAT_ACK</source>
        <translation>HEARTBEAT_ACK</translation>
    </message>
    <message>
        <source>VOTE_REQUEST</source>
        <translation>VOTE_REQUEST</translation>
    </message>
    <message>
        <source>VOTE_GRANTED</source>
        <translation>VOTE_GRANTED</translation>
    </message>
    <message>
        <source>TRY</source>
        <translation>TRY</translation>
    </message>
    <message>
        <source>TRY_OK</source>
        <translation>TRY_OK</translation>
    </message>
    <message>
        <source>TRY_FAILED</source>
        <translation>TRY_FAILED</translation>
    </message>
    <message>
        <source>CONFIRM</source>
        <translation>CONFIRM</translation>
    </message>
    <message>
        <source>CONFIRM_OK</source>
        <translation>CONFIRM_OK</translation>
    </message>
    <message>
        <source>CONFIRM_FAILED</source>
        <translation>CONFIRM_FAILED</translation>
    </message>
    <message>
        <source>CANCEL</source>
        <translation>CANCEL</translation>
    </message>
    <message>
        <source>CANCEL_OK</source>
        <translation>CANCEL_OK</translation>
    </message>
    <message>
        <source>phase1a</source>
        <translation>phase1a</translation>
    </message>
    <message>
        <source>phase1b</source>
        <translation>phase1b</translation>
    </message>
    <message>
        <source>phase2a</source>
        <translation>phase2a</translation>
    </message>
    <message>
        <source>phase2b</source>
        <translation>phase2b</translation>
    </message>
    <message>
        <source>COMMIT</source>
        <translation>COMMIT</translation>
    </message>
    <message>
        <source>ABORT</source>
        <translation>ABORT</translation>
    </message>
    <message>
        <source>STORED</source>
        <translation>STORED</translation>
    </message>
    <message>
        <source>STORE_REJECTED</source>
        <translation>STORE_REJECTED</translation>
    </message>
    <message>
        <source>NEW_TOKEN</source>
        <translation>NEW_TOKEN</translation>
    </message>
</context>
<context>
    <name>EngineNote</name>
    <message>
        <source>blocked: waiting for the decision</source>
        <translation>blocked: waiting for the decision</translation>
    </message>
    <message>
        <source>duplicate decision ignored</source>
        <translation>duplicate decision ignored</translation>
    </message>
    <message>
        <source>client retries</source>
        <translation>client retries</translation>
    </message>
    <message>
        <source>unilateral abort</source>
        <translation>unilateral abort</translation>
    </message>
    <message>
        <source>answered a peer&apos;s decision request</source>
        <translation>answered a peer&apos;s decision request</translation>
    </message>
    <message>
        <source>recovered from the log</source>
        <translation>recovered from the log</translation>
    </message>
    <message>
        <source>termination protocol started</source>
        <translation>termination protocol started</translation>
    </message>
    <message>
        <source>the coordinator is still alive</source>
        <translation>the coordinator is still alive</translation>
    </message>
    <message>
        <source>elected as the new coordinator</source>
        <translation>elected as the new coordinator</translation>
    </message>
    <message>
        <source>waiting for a new coordinator</source>
        <translation>waiting for a new coordinator</translation>
    </message>
    <message>
        <source>PRECOMMIT re-sent</source>
        <translation>PRECOMMIT re-sent</translation>
    </message>
    <message>
        <source>committed without every acknowledgement</source>
        <translation>committed without every acknowledgement</translation>
    </message>
    <message>
        <source>conflicting decision</source>
        <translation>conflicting decision</translation>
    </message>
    <message>
        <source>in doubt</source>
        <translation>in doubt</translation>
    </message>
    <message>
        <source>decision after a total failure</source>
        <translation>decision after a total failure</translation>
    </message>
    <message>
        <source>command retried</source>
        <translation>command retried</translation>
    </message>
    <message>
        <source>step timed out</source>
        <translation>step timed out</translation>
    </message>
    <message>
        <source>business failure</source>
        <translation>business failure</translation>
    </message>
    <message>
        <source>no reply</source>
        <translation>no reply</translation>
    </message>
    <message>
        <source>duplicate suppressed</source>
        <translation>duplicate suppressed</translation>
    </message>
    <message>
        <source>late command refused</source>
        <translation>late command refused</translation>
    </message>
    <message>
        <source>empty compensation</source>
        <translation>empty compensation</translation>
    </message>
    <message>
        <source>compensation failed</source>
        <translation>compensation failed</translation>
    </message>
    <message>
        <source>stock read</source>
        <translation>stock read</translation>
    </message>
    <message>
        <source>dirty read</source>
        <translation>dirty read</translation>
    </message>
    <message>
        <source>waiting for a semantic lock</source>
        <translation>waiting for a semantic lock</translation>
    </message>
    <message>
        <source>stale reply</source>
        <translation>stale reply</translation>
    </message>
    <message>
        <source>step applied</source>
        <translation>step applied</translation>
    </message>
    <message>
        <source>step failed</source>
        <translation>step failed</translation>
    </message>
    <message>
        <source>step compensated</source>
        <translation>step compensated</translation>
    </message>
    <message>
        <source>order approved</source>
        <translation>order approved</translation>
    </message>
    <message>
        <source>duplicate publish</source>
        <translation>duplicate publish</translation>
    </message>
    <message>
        <source>redelivery</source>
        <translation>redelivery</translation>
    </message>
    <message>
        <source>republish</source>
        <translation>republish</translation>
    </message>
    <message>
        <source>duplicate effect</source>
        <translation>duplicate effect</translation>
    </message>
    <message>
        <source>event lost</source>
        <translation>event lost</translation>
    </message>
    <message>
        <source>read succeeded</source>
        <translation>read succeeded</translation>
    </message>
    <message>
        <source>write succeeded</source>
        <translation>write succeeded</translation>
    </message>
    <message>
        <source>operation failed</source>
        <translation>operation failed</translation>
    </message>
    <message>
        <source>operation timed out</source>
        <translation>operation timed out</translation>
    </message>
    <message>
        <source>stale read</source>
        <translation>stale read</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>conflict</translation>
    </message>
    <message>
        <source>lost update</source>
        <translation>lost update</translation>
    </message>
    <message>
        <source>read repair</source>
        <translation>read repair</translation>
    </message>
    <message>
        <source>client is down</source>
        <translation>client is down</translation>
    </message>
    <message>
        <source>operation abandoned</source>
        <translation>operation abandoned</translation>
    </message>
    <message>
        <source>failover</source>
        <translation>failover</translation>
    </message>
    <message>
        <source>stepped down</source>
        <translation>stepped down</translation>
    </message>
    <message>
        <source>two primaries</source>
        <translation>two primaries</translation>
    </message>
    <message>
        <source>no lease</source>
        <translation>no lease</translation>
    </message>
    <message>
        <source>fenced off</source>
        <translation>fenced off</translation>
    </message>
    <message>
        <source>conflicting write</source>
        <translation>conflicting write</translation>
    </message>
    <message>
        <source>write failed</source>
        <translation>write failed</translation>
    </message>
    <message>
        <source>retry</source>
        <translation>retry</translation>
    </message>
    <message>
        <source>frozen amount</source>
        <translation>frozen amount</translation>
    </message>
    <message>
        <source>available amount</source>
        <translation>available amount</translation>
    </message>
    <message>
        <source>reservation expired</source>
        <translation>reservation expired</translation>
    </message>
    <message>
        <source>empty rollback</source>
        <translation>empty rollback</translation>
    </message>
    <message>
        <source>late Try refused (anti-hanging)</source>
        <translation>late Try refused (anti-hanging)</translation>
    </message>
    <message>
        <source>Confirm refused</source>
        <translation>Confirm refused</translation>
    </message>
    <message>
        <source>duplicate ignored</source>
        <translation>duplicate ignored</translation>
    </message>
    <message>
        <source>Try rejected: not enough available</source>
        <translation>Try rejected: not enough available</translation>
    </message>
    <message>
        <source>starts a higher ballot</source>
        <translation>starts a higher ballot</translation>
    </message>
    <message>
        <source>steps aside for a higher ballot</source>
        <translation>steps aside for a higher ballot</translation>
    </message>
    <message>
        <source>stock set back to its earlier value</source>
        <translation>stock set back to its earlier value</translation>
    </message>
    <message>
        <source>write rejected: stale fencing token</source>
        <translation>write rejected: stale fencing token</translation>
    </message>
    <message>
        <source>newer fencing token seen</source>
        <translation>newer fencing token seen</translation>
    </message>
    <message>
        <source>janitor rolled back a prepared transaction</source>
        <translation>janitor rolled back a prepared transaction</translation>
    </message>
    <message>
        <source>no free session in the pool</source>
        <translation>no free session in the pool</translation>
    </message>
    <message>
        <source>decision conflicts with the janitor&apos;s rollback</source>
        <translation>decision conflicts with the janitor&apos;s rollback</translation>
    </message>
</context>
<context>
    <name>EngineOutcome</name>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>committed</source>
        <translation>committed</translation>
    </message>
    <message>
        <source>aborted</source>
        <translation>aborted</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>blocked</translation>
    </message>
</context>
<context>
    <name>EngineProtocol</name>
    <message>
        <source>Two-phase commit (2PC)</source>
        <translation>Two-phase commit (2PC)</translation>
    </message>
    <message>
        <source>Three-phase commit (3PC)</source>
        <translation>Three-phase commit (3PC)</translation>
    </message>
    <message>
        <source>Saga (orchestration)</source>
        <translation>Saga (orchestration)</translation>
    </message>
    <message>
        <source>Saga (choreography)</source>
        <translation>Saga (choreography)</translation>
    </message>
    <message>
        <source>Transactional outbox</source>
        <translation>Transactional outbox</translation>
    </message>
    <message>
        <source>Dual write</source>
        <translation>Dual write</translation>
    </message>
    <message>
        <source>Replicated register (CAP)</source>
        <translation>Replicated register (CAP)</translation>
    </message>
    <message>
        <source>Primary/backup failover</source>
        <translation>Primary/backup failover</translation>
    </message>
    <message>
        <source>Try-Confirm/Cancel (TCC)</source>
        <translation>Try-Confirm/Cancel (TCC)</translation>
    </message>
    <message>
        <source>Paxos Commit</source>
        <translation>Paxos Commit</translation>
    </message>
</context>
<context>
    <name>EngineProtocolSummary</name>
    <message>
        <source>A coordinator asks every participant to prepare, then tells all of them to commit or abort. Atomic, but a participant that voted yes blocks while the coordinator is down.</source>
        <translation>A coordinator asks every participant to prepare, then tells all of them to commit or abort. Atomic, but a participant that voted yes blocks while the coordinator is down.</translation>
    </message>
    <message>
        <source>Two-phase commit with a PRECOMMIT round in between, so that the survivors can finish without the coordinator after a crash; a network partition can still make the two sides decide differently.</source>
        <translation>Two-phase commit with a PRECOMMIT round in between, so that the survivors can finish without the coordinator after a crash; a network partition can still make the two sides decide differently.</translation>
    </message>
    <message>
        <source>A transaction manager reserves (Try) in every service, then confirms or cancels the reservations. Reservations expire on their own; an empty cancel is recorded so that a late Try is refused.</source>
        <translation>A transaction manager reserves (Try) in every service, then confirms or cancels the reservations. Reservations expire on their own; an empty cancel is recorded so that a late Try is refused.</translation>
    </message>
    <message>
        <source>An orchestrator runs the steps one after another as local transactions; when a step fails it runs the compensations of the finished steps in reverse order.</source>
        <translation>An orchestrator runs the steps one after another as local transactions; when a step fails it runs the compensations of the finished steps in reverse order.</translation>
    </message>
    <message>
        <source>No coordinator: each service reacts to the others&apos; events through a broker that delivers at least once, and compensates when it hears of a failure.</source>
        <translation>No coordinator: each service reacts to the others&apos; events through a broker that delivers at least once, and compensates when it hears of a failure.</translation>
    </message>
    <message>
        <source>The service writes its data and the event to publish in one local transaction; a relay publishes the outbox and a consumer drops duplicates. No event is lost or applied twice.</source>
        <translation>The service writes its data and the event to publish in one local transaction; a relay publishes the outbox and a consumer drops duplicates. No event is lost or applied twice.</translation>
    </message>
    <message>
        <source>The anti-pattern beside the outbox: the service commits, then publishes the event itself. A crash or a lost message in between loses the event or sends it twice.</source>
        <translation>The anti-pattern beside the outbox: the service commits, then publishes the event itself. A crash or a lost message in between loses the event or sends it twice.</translation>
    </message>
    <message>
        <source>One value replicated on several replicas, read and written by clients. CP waits for quorums and stays linearizable; AP answers locally and reconciles later (last writer wins or vector clocks).</source>
        <translation>One value replicated on several replicas, read and written by clients. CP waits for quorums and stays linearizable; AP answers locally and reconciles later (last writer wins or vector clocks).</translation>
    </message>
    <message>
        <source>A primary replicates to backups and sends heartbeats; when they stop, a backup takes over. Without fencing, a partition leaves two primaries accepting writes.</source>
        <translation>A primary replicates to backups and sends heartbeats; when they stop, a backup takes over. Without fencing, a partition leaves two primaries accepting writes.</translation>
    </message>
    <message>
        <source>Each participant&apos;s vote is chosen by Paxos among 2F+1 acceptors instead of being kept by the coordinator alone. When the coordinator crashes, an acceptor starts a higher ballot and finishes: no blocking, and still safe under partitions.</source>
        <translation>Each participant&apos;s vote is chosen by Paxos among 2F+1 acceptors instead of being kept by the coordinator alone. When the coordinator crashes, an acceptor starts a higher ballot and finishes: no blocking, and still safe under partitions.</translation>
    </message>
</context>
<context>
    <name>EngineRole</name>
    <message>
        <source>coordinator</source>
        <translation>coordinator</translation>
    </message>
    <message>
        <source>participant</source>
        <translation>participant</translation>
    </message>
    <message>
        <source>orchestrator</source>
        <translation>orchestrator</translation>
    </message>
    <message>
        <source>replica</source>
        <translation>replica</translation>
    </message>
    <message>
        <source>client</source>
        <translation>client</translation>
    </message>
    <message>
        <source>service</source>
        <translation>service</translation>
    </message>
    <message>
        <source>broker</source>
        <translation>broker</translation>
    </message>
    <message>
        <source>order service</source>
        <translation>order service</translation>
    </message>
    <message>
        <source>relay</source>
        <translation>relay</translation>
    </message>
    <message>
        <source>consumer</source>
        <translation>consumer</translation>
    </message>
    <message>
        <source>server</source>
        <translation>server</translation>
    </message>
    <message>
        <source>transaction manager</source>
        <translation>transaction manager</translation>
    </message>
    <message>
        <source>acceptor</source>
        <translation>acceptor</translation>
    </message>
    <message>
        <source>storage</source>
        <translation>storage</translation>
    </message>
</context>
<context>
    <name>EngineState</name>
    <message>
        <source>INIT</source>
        <translation>INIT</translation>
    </message>
    <message>
        <source>WAIT</source>
        <translation>WAIT</translation>
    </message>
    <message>
        <source>READY</source>
        <translation>READY</translation>
    </message>
    <message>
        <source>PRECOMMIT</source>
        <translation>PRECOMMIT</translation>
    </message>
    <message>
        <source>COMMIT</source>
        <translation>COMMIT</translation>
    </message>
    <message>
        <source>ABORT</source>
        <translation>ABORT</translation>
    </message>
    <message>
        <source>RUNNING</source>
        <translation>RUNNING</translation>
    </message>
    <message>
        <source>COMPENSATING</source>
        <translation>COMPENSATING</translation>
    </message>
    <message>
        <source>COMPLETED</source>
        <translation>COMPLETED</translation>
    </message>
    <message>
        <source>COMPENSATED</source>
        <translation>COMPENSATED</translation>
    </message>
    <message>
        <source>NONE</source>
        <translation>NONE</translation>
    </message>
    <message>
        <source>DONE</source>
        <translation>DONE</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FAILED</translation>
    </message>
    <message>
        <source>COMMITTED</source>
        <translation>COMMITTED</translation>
    </message>
    <message>
        <source>PUBLISHING</source>
        <translation>PUBLISHING</translation>
    </message>
    <message>
        <source>PUBLISHED</source>
        <translation>PUBLISHED</translation>
    </message>
    <message>
        <source>STORED</source>
        <translation>STORED</translation>
    </message>
    <message>
        <source>DELIVERED</source>
        <translation>DELIVERED</translation>
    </message>
    <message>
        <source>APPLIED</source>
        <translation>APPLIED</translation>
    </message>
    <message>
        <source>IDLE</source>
        <translation>IDLE</translation>
    </message>
    <message>
        <source>WAITING</source>
        <translation>WAITING</translation>
    </message>
    <message>
        <source>QUERYING</source>
        <translation>QUERYING</translation>
    </message>
    <message>
        <source>STORING</source>
        <translation>STORING</translation>
    </message>
    <message>
        <source>PRIMARY</source>
        <translation>PRIMARY</translation>
    </message>
    <message>
        <source>BACKUP</source>
        <translation>BACKUP</translation>
    </message>
    <message>
        <source>CANDIDATE</source>
        <translation>CANDIDATE</translation>
    </message>
    <message>
        <source>TRYING</source>
        <translation>TRYING</translation>
    </message>
    <message>
        <source>CONFIRMING</source>
        <translation>CONFIRMING</translation>
    </message>
    <message>
        <source>CANCELLING</source>
        <translation>CANCELLING</translation>
    </message>
    <message>
        <source>RESERVED</source>
        <translation>RESERVED</translation>
    </message>
    <message>
        <source>REJECTED</source>
        <translation>REJECTED</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>EXPIRED</translation>
    </message>
    <message>
        <source>CONFIRMED</source>
        <translation>CONFIRMED</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>CANCELLED</translation>
    </message>
    <message>
        <source>PREPARED</source>
        <translation>PREPARED</translation>
    </message>
    <message>
        <source>ACCEPTED</source>
        <translation>ACCEPTED</translation>
    </message>
    <message>
        <source>LEADING</source>
        <translation>LEADING</translation>
    </message>
    <message>
        <source>SERVING</source>
        <translation>SERVING</translation>
    </message>
</context>
<context>
    <name>EngineText</name>
    <message>
        <source>Crash %1</source>
        <translation>Crash %1</translation>
    </message>
    <message>
        <source>Restart %1</source>
        <translation>Restart %1</translation>
    </message>
    <message>
        <source>Cut link %1 – %2</source>
        <translation>Cut link %1 – %2</translation>
    </message>
    <message>
        <source>Heal link %1 – %2</source>
        <translation>Heal link %1 – %2</translation>
    </message>
    <message>
        <source>Heal all links and partitions</source>
        <translation>Heal all links and partitions</translation>
    </message>
    <message>
        <source>Heal the partition</source>
        <translation>Heal the partition</translation>
    </message>
    <message>
        <source>Drop the next message on %1 – %2</source>
        <translation>Drop the next message on %1 – %2</translation>
    </message>
    <message>
        <source>Duplicate the next message on %1 – %2</source>
        <translation>Duplicate the next message on %1 – %2</translation>
    </message>
    <message>
        <source>Change network settings</source>
        <translation>Change network settings</translation>
    </message>
    <message>
        <source>Partition %1</source>
        <translation>Partition %1</translation>
    </message>
</context>
<context>
    <name>EngineTimer</name>
    <message>
        <source>local work done</source>
        <translation>local work done</translation>
    </message>
    <message>
        <source>vote timeout</source>
        <translation>vote timeout</translation>
    </message>
    <message>
        <source>PREPARE timeout</source>
        <translation>PREPARE timeout</translation>
    </message>
    <message>
        <source>decision timeout</source>
        <translation>decision timeout</translation>
    </message>
    <message>
        <source>ACK timeout</source>
        <translation>ACK timeout</translation>
    </message>
    <message>
        <source>log flush</source>
        <translation>log flush</translation>
    </message>
    <message>
        <source>in-doubt timeout</source>
        <translation>in-doubt timeout</translation>
    </message>
    <message>
        <source>gather states</source>
        <translation>gather states</translation>
    </message>
    <message>
        <source>new coordinator timeout</source>
        <translation>new coordinator timeout</translation>
    </message>
    <message>
        <source>command retry</source>
        <translation>command retry</translation>
    </message>
    <message>
        <source>step deadline</source>
        <translation>step deadline</translation>
    </message>
    <message>
        <source>redelivery</source>
        <translation>redelivery</translation>
    </message>
    <message>
        <source>republish</source>
        <translation>republish</translation>
    </message>
    <message>
        <source>poll</source>
        <translation>poll</translation>
    </message>
    <message>
        <source>publish timeout</source>
        <translation>publish timeout</translation>
    </message>
    <message>
        <source>publish delay</source>
        <translation>publish delay</translation>
    </message>
    <message>
        <source>operation timeout</source>
        <translation>operation timeout</translation>
    </message>
    <message>
        <source>quorum timeout</source>
        <translation>quorum timeout</translation>
    </message>
    <message>
        <source>anti-entropy sync</source>
        <translation>anti-entropy sync</translation>
    </message>
    <message>
        <source>heartbeat</source>
        <translation>heartbeat</translation>
    </message>
    <message>
        <source>failover timeout</source>
        <translation>failover timeout</translation>
    </message>
    <message>
        <source>client timeout</source>
        <translation>client timeout</translation>
    </message>
    <message>
        <source>client retry</source>
        <translation>client retry</translation>
    </message>
    <message>
        <source>Try timeout</source>
        <translation>Try timeout</translation>
    </message>
    <message>
        <source>re-send</source>
        <translation>re-send</translation>
    </message>
    <message>
        <source>Try done</source>
        <translation>Try done</translation>
    </message>
    <message>
        <source>reservation expiry</source>
        <translation>reservation expiry</translation>
    </message>
    <message>
        <source>takeover timeout</source>
        <translation>takeover timeout</translation>
    </message>
    <message>
        <source>ballot timeout</source>
        <translation>ballot timeout</translation>
    </message>
    <message>
        <source>janitor</source>
        <translation>janitor</translation>
    </message>
</context>
<context>
    <name>EngineTrace</name>
    <message>
        <source>send</source>
        <translation>send</translation>
    </message>
    <message>
        <source>deliver</source>
        <translation>deliver</translation>
    </message>
    <message>
        <source>drop</source>
        <translation>drop</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>duplicate</translation>
    </message>
    <message>
        <source>timer</source>
        <translation>timer</translation>
    </message>
    <message>
        <source>crash</source>
        <translation>crash</translation>
    </message>
    <message>
        <source>restart</source>
        <translation>restart</translation>
    </message>
    <message>
        <source>state change</source>
        <translation>state change</translation>
    </message>
    <message>
        <source>log write</source>
        <translation>log write</translation>
    </message>
    <message>
        <source>lock acquired</source>
        <translation>lock acquired</translation>
    </message>
    <message>
        <source>lock released</source>
        <translation>lock released</translation>
    </message>
    <message>
        <source>waiting for lock</source>
        <translation>waiting for lock</translation>
    </message>
    <message>
        <source>fault</source>
        <translation>fault</translation>
    </message>
    <message>
        <source>transaction start</source>
        <translation>transaction start</translation>
    </message>
    <message>
        <source>transaction end</source>
        <translation>transaction end</translation>
    </message>
    <message>
        <source>limit reached</source>
        <translation>limit reached</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
</context>
<context>
    <name>EngineTransition</name>
    <message>
        <source>timeout</source>
        <translation>timeout</translation>
    </message>
    <message>
        <source>commit request</source>
        <translation>commit request</translation>
    </message>
    <message>
        <source>GLOBAL_ABORT (termination)</source>
        <translation>GLOBAL_ABORT (termination)</translation>
    </message>
    <message>
        <source>timeout: termination</source>
        <translation>timeout: termination</translation>
    </message>
    <message>
        <source>timeout: termination, all READY</source>
        <translation>timeout: termination, all READY</translation>
    </message>
    <message>
        <source>timeout: termination, some PRECOMMIT</source>
        <translation>timeout: termination, some PRECOMMIT</translation>
    </message>
    <message>
        <source>CANCEL_OK (empty rollback)</source>
        <translation>CANCEL_OK (empty rollback)</translation>
    </message>
    <message>
        <source>last step done</source>
        <translation>last step done</translation>
    </message>
    <message>
        <source>step failed</source>
        <translation>step failed</translation>
    </message>
    <message>
        <source>step deadline</source>
        <translation>step deadline</translation>
    </message>
    <message>
        <source>first step compensated</source>
        <translation>first step compensated</translation>
    </message>
    <message>
        <source>command</source>
        <translation>command</translation>
    </message>
    <message>
        <source>success</source>
        <translation>success</translation>
    </message>
    <message>
        <source>failure</source>
        <translation>failure</translation>
    </message>
    <message>
        <source>compensation</source>
        <translation>compensation</translation>
    </message>
    <message>
        <source>compensated</source>
        <translation>compensated</translation>
    </message>
    <message>
        <source>empty compensation</source>
        <translation>empty compensation</translation>
    </message>
    <message>
        <source>order</source>
        <translation>order</translation>
    </message>
    <message>
        <source>order rejected</source>
        <translation>order rejected</translation>
    </message>
    <message>
        <source>event</source>
        <translation>event</translation>
    </message>
    <message>
        <source>success event</source>
        <translation>success event</translation>
    </message>
    <message>
        <source>failure event</source>
        <translation>failure event</translation>
    </message>
    <message>
        <source>failure or compensation event</source>
        <translation>failure or compensation event</translation>
    </message>
    <message>
        <source>compensation event</source>
        <translation>compensation event</translation>
    </message>
    <message>
        <source>write ORDER</source>
        <translation>write ORDER</translation>
    </message>
    <message>
        <source>write ORDER + OUTBOX in one transaction</source>
        <translation>write ORDER + OUTBOX in one transaction</translation>
    </message>
    <message>
        <source>R agreeing QUERY_REPLY</source>
        <translation>R agreeing QUERY_REPLY</translation>
    </message>
    <message>
        <source>R QUERY_REPLY</source>
        <translation>R QUERY_REPLY</translation>
    </message>
    <message>
        <source>W STORE_ACK</source>
        <translation>W STORE_ACK</translation>
    </message>
    <message>
        <source>failover timeout</source>
        <translation>failover timeout</translation>
    </message>
    <message>
        <source>HEARTBEAT of a higher term</source>
        <translation>HEARTBEAT of a higher term</translation>
    </message>
    <message>
        <source>REDIRECT or timeout</source>
        <translation>REDIRECT or timeout</translation>
    </message>
    <message>
        <source>attempts used up</source>
        <translation>attempts used up</translation>
    </message>
    <message>
        <source>all %1</source>
        <translation>all %1</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 or %2</translation>
    </message>
    <message>
        <source>election timeout</source>
        <translation>election timeout</translation>
    </message>
    <message>
        <source>a majority of VOTE_GRANTED</source>
        <translation>a majority of VOTE_GRANTED</translation>
    </message>
    <message>
        <source>HEARTBEAT of a term &gt;= its own</source>
        <translation>HEARTBEAT of a term &gt;= its own</translation>
    </message>
    <message>
        <source>higher term</source>
        <translation>higher term</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 and %2</translation>
    </message>
    <message>
        <source>every instance chose prepared</source>
        <translation>every instance chose prepared</translation>
    </message>
    <message>
        <source>an instance chose aborted</source>
        <translation>an instance chose aborted</translation>
    </message>
    <message>
        <source>phase2a (prepared)</source>
        <translation>phase2a (prepared)</translation>
    </message>
    <message>
        <source>phase2a (aborted)</source>
        <translation>phase2a (aborted)</translation>
    </message>
    <message>
        <source>takeover timeout</source>
        <translation>takeover timeout</translation>
    </message>
    <message>
        <source>STORE_REJECTED of a higher token</source>
        <translation>STORE_REJECTED of a higher token</translation>
    </message>
</context>
<context>
    <name>ExploreDialog</name>
    <message>
        <source>What can go wrong?</source>
        <translation>What can go wrong?</translation>
    </message>
    <message>
        <source>Tries every order in which messages can arrive and timers can fire, together with at most this many faults, and reports every way an invariant breaks or the protocol blocks. Each finding is a shortest one.</source>
        <translation>Tries every order in which messages can arrive and timers can fire, together with at most this many faults, and reports every way an invariant breaks or the protocol blocks. Each finding is a shortest one.</translation>
    </message>
    <message>
        <source>Crashes:</source>
        <translation>Crashes:</translation>
    </message>
    <message>
        <source>How many node crashes may happen (restarts are always possible)</source>
        <translation>How many node crashes may happen (restarts are always possible)</translation>
    </message>
    <message>
        <source>Partitions:</source>
        <translation>Partitions:</translation>
    </message>
    <message>
        <source>How many times the network may split into two sides (healing is always possible)</source>
        <translation>How many times the network may split into two sides (healing is always possible)</translation>
    </message>
    <message>
        <source>Lost messages:</source>
        <translation>Lost messages:</translation>
    </message>
    <message>
        <source>Duplicated messages:</source>
        <translation>Duplicated messages:</translation>
    </message>
    <message>
        <source>State limit:</source>
        <translation>State limit:</translation>
    </message>
    <message>
        <source>The search stops after this many distinct states, so that it ends in seconds</source>
        <translation>The search stops after this many distinct states, so that it ends in seconds</translation>
    </message>
    <message>
        <source>&amp;Explore</source>
        <translation>&amp;Explore</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Load in the lab</source>
        <translation>&amp;Load in the lab</translation>
    </message>
    <message>
        <source>Load the shortest run that leads there, to step through it on the timeline</source>
        <translation>Load the shortest run that leads there, to step through it on the timeline</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Choose the bounds, then Explore. The scenario in the lab is explored.</source>
        <translation>Choose the bounds, then Explore. The scenario in the lab is explored.</translation>
    </message>
    <message>
        <source>Exploring…</source>
        <translation>Exploring…</translation>
    </message>
    <message>
        <source>%L1 states · depth %2 · %L3 states/s · %4 MiB</source>
        <translation>%L1 states · depth %2 · %L3 states/s · %4 MiB</translation>
    </message>
    <message numerus="yes">
        <source>✖ %1 violated after %n step(s)</source>
        <translation>
            <numerusform>✖ %1 violated after %n step</numerusform>
            <numerusform>✖ %1 violated after %n steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⏸ Blocked after %n step(s): a transaction stays undecided until a node restarts or the network heals</source>
        <translation>
            <numerusform>⏸ Blocked after %n step: a transaction stays undecided until a node restarts or the network heals</numerusform>
            <numerusform>⏸ Blocked after %n steps: a transaction stays undecided until a node restarts or the network heals</numerusform>
        </translation>
    </message>
    <message>
        <source>This scenario cannot be explored: %1</source>
        <translation>This scenario cannot be explored: %1</translation>
    </message>
    <message>
        <source>Explored all %L1 distinct states.</source>
        <translation>Explored all %L1 distinct states.</translation>
    </message>
    <message>
        <source>Cancelled after %L1 distinct states: only what was found so far is listed.</source>
        <translation>Cancelled after %L1 distinct states: only what was found so far is listed.</translation>
    </message>
    <message>
        <source>Stopped at the memory limit after %L1 distinct states: the search is incomplete.</source>
        <translation>Stopped at the memory limit after %L1 distinct states: the search is incomplete.</translation>
    </message>
    <message>
        <source>Stopped at the state limit (%L1 distinct states): the search is incomplete; raise the limit to look further.</source>
        <translation>Stopped at the state limit (%L1 distinct states): the search is incomplete; raise the limit to look further.</translation>
    </message>
    <message>
        <source>This protocol&apos;s states are not merged, so the same state may be counted more than once.</source>
        <translation>This protocol&apos;s states are not merged, so the same state may be counted more than once.</translation>
    </message>
    <message>
        <source>Double-click one, or choose it and Load in the lab, to step through it.</source>
        <translation>Double-click one, or choose it and Load in the lab, to step through it.</translation>
    </message>
    <message>
        <source>%L1 blocking states in all; the shortest are listed.</source>
        <translation>%L1 blocking states in all; the shortest are listed.</translation>
    </message>
    <message>
        <source>Double-click to load this run and step through it</source>
        <translation>Double-click to load this run and step through it</translation>
    </message>
    <message>
        <source>✔ No invariant can break and nothing blocks within these bounds.</source>
        <translation>✔ No invariant can break and nothing blocks within these bounds.</translation>
    </message>
    <message>
        <source>✔ Nothing went wrong in the states explored.</source>
        <translation>✔ Nothing went wrong in the states explored.</translation>
    </message>
    <message>
        <source>How it happens, step by step:</source>
        <translation>How it happens, step by step:</translation>
    </message>
    <message>
        <source>Messages that could no longer change anything were left out of the states (the verdicts stay exact).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExploreSteps</name>
    <message>
        <source>{%1} and {%2}</source>
        <translation>{%1} and {%2}</translation>
    </message>
    <message>
        <source> (transaction %1)</source>
        <translation> (transaction %1)</translation>
    </message>
    <message>
        <source>%1 from %2 to %3</source>
        <translation>%1 from %2 to %3</translation>
    </message>
    <message>
        <source>%1 arrives</source>
        <translation>%1 arrives</translation>
    </message>
    <message>
        <source>%1 arrives twice (a duplicate)</source>
        <translation>%1 arrives twice (a duplicate)</translation>
    </message>
    <message>
        <source>%1 is lost</source>
        <translation>%1 is lost</translation>
    </message>
    <message>
        <source>%1&apos;s timer “%2” fires</source>
        <translation>%1&apos;s timer “%2” fires</translation>
    </message>
    <message>
        <source>The workload&apos;s next event happens</source>
        <translation>The workload&apos;s next event happens</translation>
    </message>
    <message>
        <source>%1 crashes</source>
        <translation>%1 crashes</translation>
    </message>
    <message>
        <source>%1 restarts</source>
        <translation>%1 restarts</translation>
    </message>
    <message>
        <source>The partition heals</source>
        <translation>The partition heals</translation>
    </message>
    <message>
        <source>The network splits into %1</source>
        <translation>The network splits into %1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>PNG image</source>
        <translation>PNG image</translation>
    </message>
    <message>
        <source>SVG drawing (text stays text)</source>
        <translation>SVG drawing (text stays text)</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF document</translation>
    </message>
    <message>
        <source>JSON Lines (one trace record a line)</source>
        <translation>JSON Lines (one trace record a line)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Canvas (topology)</source>
        <translation>Canvas (topology)</translation>
    </message>
    <message>
        <source>Space-time diagram</source>
        <translation>Space-time diagram</translation>
    </message>
    <message>
        <source>Metrics chart</source>
        <translation>Metrics chart</translation>
    </message>
    <message>
        <source>Side-by-side view</source>
        <translation>Side-by-side view</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>Run report (one page, for a handout)</source>
        <translation>Run report (one page, for a handout)</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>What:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Export to</translation>
    </message>
</context>
<context>
    <name>FaultDialogs</name>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A node in a list: its name and role, e.g. &quot;P1 (participant)&quot;.</extracomment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <source>%1: cannot write the file (%2)</source>
        <translation>%1: cannot write the file (%2)</translation>
    </message>
    <message>
        <source>Made with CommitScope</source>
        <translation>Made with CommitScope</translation>
    </message>
    <message>
        <source>no SVG painter</source>
        <translation>no SVG painter</translation>
    </message>
    <message>
        <source>nothing was written</source>
        <translation>nothing was written</translation>
    </message>
    <message>
        <source>no PDF painter</source>
        <translation>no PDF painter</translation>
    </message>
    <message>
        <source>%1: use a file name ending in .png, .svg or .pdf</source>
        <translation>%1: use a file name ending in .png, .svg or .pdf</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <source>Play or pause</source>
        <translation>Play or pause</translation>
    </message>
    <message>
        <source>Step to the next event</source>
        <translation>Step to the next event</translation>
    </message>
    <message>
        <source>Step back one event (deterministic replay)</source>
        <translation>Step back one event (deterministic replay)</translation>
    </message>
    <message>
        <source>Restart with the same seed</source>
        <translation>Restart with the same seed</translation>
    </message>
    <message>
        <source>Re-roll the seed</source>
        <translation>Re-roll the seed</translation>
    </message>
    <message>
        <source>Faster / slower</source>
        <translation>Faster / slower</translation>
    </message>
    <message>
        <source>Undo the last injected fault</source>
        <translation>Undo the last injected fault</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>New, open, save a scenario</source>
        <translation>New, open, save a scenario</translation>
    </message>
    <message>
        <source>Projector mode: full screen, large text, high contrast</source>
        <translation>Projector mode: full screen, large text, high contrast</translation>
    </message>
    <message>
        <source>Show or hide this help</source>
        <translation>Show or hide this help</translation>
    </message>
    <message>
        <source>Right-click a node to crash it or restart it. A crashed node is grey; its durable log stays visible.</source>
        <translation>Right-click a node to crash it or restart it. A crashed node is grey; its durable log stays visible.</translation>
    </message>
    <message>
        <source>Faults &gt; Partition… splits the nodes into side A and side B; messages across the sides are lost.</source>
        <translation>Faults &gt; Partition… splits the nodes into side A and side B; messages across the sides are lost.</translation>
    </message>
    <message>
        <source>Faults &gt; Drop next / Duplicate next message on a link affects the next message sent on it.</source>
        <translation>Faults &gt; Drop next / Duplicate next message on a link affects the next message sent on it.</translation>
    </message>
    <message>
        <source>Every fault is recorded in the run&apos;s schedule at the current event: Ctrl+Z undoes it, Save keeps it, and reopening the file replays it exactly.</source>
        <translation>Every fault is recorded in the run&apos;s schedule at the current event: Ctrl+Z undoes it, Save keeps it, and reopening the file replays it exactly.</translation>
    </message>
    <message>
        <source>Scrub back and inject a different fault to explore another branch of the same run.</source>
        <translation>Scrub back and inject a different fault to explore another branch of the same run.</translation>
    </message>
    <message>
        <source>CommitScope help</source>
        <translation>CommitScope help</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Fault tools</source>
        <translation>Fault tools</translation>
    </message>
    <message>
        <source>Press F1 or Esc, or click anywhere, to close</source>
        <translation>Press F1 or Esc, or click anywhere, to close</translation>
    </message>
    <message>
        <source>Normal speed (1×)</source>
        <translation>Normal speed (1×)</translation>
    </message>
    <message>
        <source>Cut a link…</source>
        <translation>Cut a link…</translation>
    </message>
    <message>
        <source>Partition the network…</source>
        <translation>Partition the network…</translation>
    </message>
    <message>
        <source>Heal all links and partitions</source>
        <translation>Heal all links and partitions</translation>
    </message>
    <message>
        <source>Browse lessons</source>
        <translation>Browse lessons</translation>
    </message>
    <message>
        <source>Next / previous lesson step (a presenter&apos;s clicker sends these)</source>
        <translation>Next / previous lesson step (a presenter&apos;s clicker sends these)</translation>
    </message>
    <message>
        <source>Teacher mode</source>
        <translation>Teacher mode</translation>
    </message>
    <message>
        <source>Fit view: every node in the canvas, zoom and scrolling reset</source>
        <translation>Fit view: every node in the canvas, zoom and scrolling reset</translation>
    </message>
    <message>
        <source>Double-click a link on the canvas to cut it (the toast offers Undo); double-click a cut link to heal it.</source>
        <translation>Double-click a link on the canvas to cut it (the toast offers Undo); double-click a cut link to heal it.</translation>
    </message>
</context>
<context>
    <name>InputFile</name>
    <message>
        <source>the file is %1 bytes, more than the limit of %2 bytes (%3 MiB) for a scenario or lesson file</source>
        <translation>the file is %1 bytes, more than the limit of %2 bytes (%3 MiB) for a scenario or lesson file</translation>
    </message>
    <message>
        <source>is a directory, not a scenario or lesson file</source>
        <translation>is a directory, not a scenario or lesson file</translation>
    </message>
    <message>
        <source>is a named pipe (FIFO), not a regular file; scenario and lesson files are read only from regular files</source>
        <translation>is a named pipe (FIFO), not a regular file; scenario and lesson files are read only from regular files</translation>
    </message>
    <message>
        <source>is a device, not a regular file; scenario and lesson files are read only from regular files</source>
        <translation>is a device, not a regular file; scenario and lesson files are read only from regular files</translation>
    </message>
    <message>
        <source>is a socket, not a regular file; scenario and lesson files are read only from regular files</source>
        <translation>is a socket, not a regular file; scenario and lesson files are read only from regular files</translation>
    </message>
    <message>
        <source>is not a regular file; scenario and lesson files are read only from regular files</source>
        <translation>is not a regular file; scenario and lesson files are read only from regular files</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>cannot read the file: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>InvariantBanner</name>
    <message>
        <source>Invariant broken: %1</source>
        <translation>Invariant broken: %1</translation>
    </message>
    <message>
        <source>at t = %1 ms — %2</source>
        <translation>at t = %1 ms — %2</translation>
    </message>
    <message>
        <source>Dismiss (it stays in the status bar)</source>
        <translation>Dismiss (it stays in the status bar)</translation>
    </message>
    <message>
        <source>Dismiss the invariant banner</source>
        <translation>Dismiss the invariant banner</translation>
    </message>
    <message>
        <source>Click to dismiss</source>
        <translation>Click to dismiss</translation>
    </message>
    <message>
        <source>Invariant broken: %1, at %2 ms</source>
        <translation>Invariant broken: %1, at %2 ms</translation>
    </message>
</context>
<context>
    <name>LabController</name>
    <message>
        <source>%1: the scenario could not be started</source>
        <translation>%1: the scenario could not be started</translation>
    </message>
    <message>
        <source>%1: cannot write the file: %2</source>
        <translation>%1: cannot write the file: %2</translation>
    </message>
    <message>
        <source>New %1 scenario</source>
        <translation>New %1 scenario</translation>
    </message>
    <message>
        <source>%1: the fault &quot;%2&quot; has no effect at this moment</source>
        <translation>%1: the fault &quot;%2&quot; has no effect at this moment</translation>
    </message>
    <message>
        <source>%1: the scenario to switch to could not be started</source>
        <translation>%1: the scenario to switch to could not be started</translation>
    </message>
</context>
<context>
    <name>LessonBrowser</name>
    <message>
        <source>Lessons</source>
        <translation>Lessons</translation>
    </message>
    <message>
        <source>Choose a lesson. Each one starts from its own scenario; your answers are saved as you give them.</source>
        <translation>Choose a lesson. Each one starts from its own scenario; your answers are saved as you give them.</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lesson</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Best score</source>
        <translation>Best score</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>Last attempt</translation>
    </message>
    <message>
        <source>Start lesson</source>
        <translation>Start lesson</translation>
    </message>
    <message>
        <source>Free play</source>
        <translation>Free play</translation>
    </message>
    <message>
        <source>Open the lesson&apos;s scenario in the sandbox, without the lesson</source>
        <translation>Open the lesson&apos;s scenario in the sandbox, without the lesson</translation>
    </message>
    <message>
        <source>%1 — unavailable</source>
        <translation>%1 — unavailable</translation>
    </message>
    <message>
        <source>(broken file)</source>
        <translation>(broken file)</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>✔ done</source>
        <translation>✔ done</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>No lessons were found in %1.</source>
        <translation>No lessons were found in %1.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;This lesson cannot be opened.&lt;/b&gt; Its file has problems; the rest of the app is unaffected. A teacher or the lesson&apos;s author can fix them:&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;This lesson cannot be opened.&lt;/b&gt; Its file has problems; the rest of the app is unaffected. A teacher or the lesson&apos;s author can fix them:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Take first:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Take first:&lt;/b&gt; %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 steps · %2 questions · about %3 minutes&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 steps · %2 questions · about %3 minutes&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No.</source>
        <extracomment>The column of lesson numbers (&quot;No.&quot; as in number).</extracomment>
        <translation>No.</translation>
    </message>
    <message>
        <source>Take first</source>
        <translation>Take first</translation>
    </message>
    <message>
        <source>Lessons to take before this one (by number)</source>
        <translation>Lessons to take before this one (by number)</translation>
    </message>
    <message>
        <source>Continue at step %1</source>
        <translation>Continue at step %1</translation>
    </message>
    <message>
        <source>Where you left off, with your answers and score so far</source>
        <translation>Where you left off, with your answers and score so far</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Start over</translation>
    </message>
    <message>
        <source>A new attempt from step 1 (your earlier attempts stay in your progress)</source>
        <translation>A new attempt from step 1 (your earlier attempts stay in your progress)</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;You left this lesson at step %1 of %2.&lt;/b&gt; Continue there, or start over.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;You left this lesson at step %1 of %2.&lt;/b&gt; Continue there, or start over.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;You left this lesson at step %1 of %2.&lt;/b&gt; Score so far: %3 of %4. Continue there, or start over.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;You left this lesson at step %1 of %2.&lt;/b&gt; Score so far: %3 of %4. Continue there, or start over.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>LessonLibrary</name>
    <message>
        <source>%1: the lesson could not be loaded</source>
        <translation>%1: the lesson could not be loaded</translation>
    </message>
    <message>
        <source>%1: more than %2 lesson files; the rest are not read</source>
        <translation>%1: more than %2 lesson files; the rest are not read</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>playing to %1 ms</source>
        <translation>playing to %1 ms</translation>
    </message>
    <message>
        <source>playing until %1 is in %2</source>
        <translation>playing until %1 is in %2</translation>
    </message>
    <message>
        <source>playing until the moment the lesson needs</source>
        <translation>playing until the moment the lesson needs</translation>
    </message>
    <message numerus="yes">
        <source>dispatching %n event(s)</source>
        <translation>
            <numerusform>dispatching %n event</numerusform>
            <numerusform>dispatching %n events</numerusform>
        </translation>
    </message>
    <message>
        <source>Check my answer</source>
        <translation>Check my answer</translation>
    </message>
    <message>
        <source>Retry this step</source>
        <translation>Retry this step</translation>
    </message>
    <message>
        <source>Go back to where this step began and try again (the run replays exactly)</source>
        <translation>Go back to where this step began and try again (the run replays exactly)</translation>
    </message>
    <message>
        <source>Skip ahead</source>
        <translation>Skip ahead</translation>
    </message>
    <message>
        <source>Jump to where the lesson is playing the run, without the animation</source>
        <translation>Jump to where the lesson is playing the run, without the animation</translation>
    </message>
    <message>
        <source>Show me</source>
        <translation>Show me</translation>
    </message>
    <message>
        <source>Teacher mode: perform this step&apos;s own solution on the canvas</source>
        <translation>Teacher mode: perform this step&apos;s own solution on the canvas</translation>
    </message>
    <message>
        <source>Reveal the answer</source>
        <translation>Reveal the answer</translation>
    </message>
    <message>
        <source>Teacher mode: mark the right answer and show every explanation</source>
        <translation>Teacher mode: mark the right answer and show every explanation</translation>
    </message>
    <message>
        <source>Choose another lesson…</source>
        <translation>Choose another lesson…</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>The previous step; the run goes back to where that step began</source>
        <translation>The previous step; the run goes back to where that step began</translation>
    </message>
    <message>
        <source>Teacher mode</source>
        <translation>Teacher mode</translation>
    </message>
    <message>
        <source>Jump to any step, reveal answers and hide scores</source>
        <translation>Jump to any step, reveal answers and hide scores</translation>
    </message>
    <message>
        <source>Free play</source>
        <translation>Free play</translation>
    </message>
    <message>
        <source>Leave the lesson and keep experimenting with this scenario in the sandbox</source>
        <translation>Leave the lesson and keep experimenting with this scenario in the sandbox</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Close the lesson (answers already given are kept)</source>
        <translation>Close the lesson (answers already given are kept)</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>The lab</source>
        <translation>The lab</translation>
    </message>
    <message>
        <source>Your turn</source>
        <translation>Your turn</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>%1. %2: %3</source>
        <translation>%1. %2: %3</translation>
    </message>
    <message>
        <source>▶ The lab is %1…</source>
        <translation>▶ The lab is %1…</translation>
    </message>
    <message>
        <source>Waiting for you: act on the canvas (right-click a node, click a link, or use the Faults menu), then press Play (Space). The lesson checks the run after every event.</source>
        <translation>Waiting for you: act on the canvas (right-click a node, click a link, or use the Faults menu), then press Play (Space). The lesson checks the run after every event.</translation>
    </message>
    <message>
        <source>Too late: in this run the moment for this task has passed. Press “Retry this step” to go back to where the step began.</source>
        <translation>Too late: in this run the moment for this task has passed. Press “Retry this step” to go back to where the step began.</translation>
    </message>
    <message>
        <source>The lesson could not perform this step: %1</source>
        <translation>The lesson could not perform this step: %1</translation>
    </message>
    <message>
        <source>✔ Done (the solution was shown).</source>
        <translation>✔ Done (the solution was shown).</translation>
    </message>
    <message>
        <source>✔ Done: the engine confirms it. Press Next.</source>
        <translation>✔ Done: the engine confirms it. Press Next.</translation>
    </message>
    <message>
        <source>Lesson complete</source>
        <translation>Lesson complete</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Step %1 of %2</translation>
    </message>
    <message>
        <source>  ·  Score %1 of %2</source>
        <translation>  ·  Score %1 of %2</translation>
    </message>
    <message>
        <source>  ·  Teacher mode</source>
        <translation>  ·  Teacher mode</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Well done</source>
        <translation>Well done</translation>
    </message>
    <message>
        <source>&lt;p&gt;You have finished &lt;b&gt;%1&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;You have finished &lt;b&gt;%1&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Questions right at the first try: &lt;b&gt;%1 of %2&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Questions right at the first try: &lt;b&gt;%1 of %2&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Your progress is saved. Open the scenario in &lt;b&gt;Free play&lt;/b&gt; to keep experimenting, or choose the next lesson.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Your progress is saved. Open the scenario in &lt;b&gt;Free play&lt;/b&gt; to keep experimenting, or choose the next lesson.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Question · choose every right answer</source>
        <translation>Question · choose every right answer</translation>
    </message>
    <message>
        <source>Question · predict</source>
        <translation>Question · predict</translation>
    </message>
    <message>
        <source>Question · make it happen</source>
        <translation>Question · make it happen</translation>
    </message>
    <message>
        <source>This is what happened.</source>
        <translation>This is what happened.</translation>
    </message>
    <message>
        <source>Right.</source>
        <translation>Right.</translation>
    </message>
    <message>
        <source>Not quite.</source>
        <translation>Not quite.</translation>
    </message>
    <message>
        <source>Show a hint (%1 of %2)</source>
        <translation>Show a hint (%1 of %2)</translation>
    </message>
    <message>
        <source>✔ You made it happen.</source>
        <translation>✔ You made it happen.</translation>
    </message>
    <message>
        <source>✔ Reached with the solution shown.</source>
        <translation>✔ Reached with the solution shown.</translation>
    </message>
    <message>
        <source>starting the run again with other settings</source>
        <translation>starting the run again with other settings</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;&lt;b&gt;Not all of your progress was saved:&lt;/b&gt; %n answer(s) or step(s) could not be written to the progress file.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;&lt;b&gt;Not all of your progress was saved:&lt;/b&gt; %n answer or step could not be written to the progress file.&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;&lt;b&gt;Not all of your progress was saved:&lt;/b&gt; %n answers or steps could not be written to the progress file.&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;Open the scenario in &lt;b&gt;Free play&lt;/b&gt; to keep experimenting, or choose the next lesson.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Open the scenario in &lt;b&gt;Free play&lt;/b&gt; to keep experimenting, or choose the next lesson.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Run to the result</source>
        <translation>Run to the result</translation>
    </message>
    <message>
        <source>Play the run quickly to the moment the question is about, then compare it with your prediction</source>
        <translation>Play the run quickly to the moment the question is about, then compare it with your prediction</translation>
    </message>
    <message>
        <source>▶ Running to the result…</source>
        <translation>▶ Running to the result…</translation>
    </message>
    <message>
        <source>Your prediction: &lt;b&gt;%1&lt;/b&gt;. Press “Run to the result” to see what happens.</source>
        <translation>Your prediction: &lt;b&gt;%1&lt;/b&gt;. Press “Run to the result” to see what happens.</translation>
    </message>
    <message>
        <source>The run is stopped before the outcome. Choose what you think happens next and lock it in; then run to the result.</source>
        <translation>The run is stopped before the outcome. Choose what you think happens next and lock it in; then run to the result.</translation>
    </message>
    <message>
        <source>Lock in my prediction</source>
        <translation>Lock in my prediction</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Choose again; your score keeps counting your first answer</source>
        <translation>Choose again; your score keeps counting your first answer</translation>
    </message>
    <message>
        <source>Show the answer</source>
        <translation>Show the answer</translation>
    </message>
    <message>
        <source>Mark the right answer and show every explanation</source>
        <translation>Mark the right answer and show every explanation</translation>
    </message>
    <message>
        <source>The run has gone on since the goal held: Next continues from the moment it held, and “Retry this step” goes back to where the step began.</source>
        <translation>The run has gone on since the goal held: Next continues from the moment it held, and “Retry this step” goes back to where the step began.</translation>
    </message>
    <message>
        <source>&lt;b&gt;✔ Right:&lt;/b&gt; you predicted %1, and that is what happened.</source>
        <translation>&lt;b&gt;✔ Right:&lt;/b&gt; you predicted %1, and that is what happened.</translation>
    </message>
    <message>
        <source>&lt;b&gt;✖ Not what happened:&lt;/b&gt; you predicted %1; the run did %2.</source>
        <translation>&lt;b&gt;✖ Not what happened:&lt;/b&gt; you predicted %1; the run did %2.</translation>
    </message>
    <message>
        <source>&lt;b&gt;✔ Right:&lt;/b&gt; you chose %1.</source>
        <translation>&lt;b&gt;✔ Right:&lt;/b&gt; you chose %1.</translation>
    </message>
    <message>
        <source>&lt;b&gt;✖ Not right:&lt;/b&gt; you chose %1.</source>
        <translation>&lt;b&gt;✖ Not right:&lt;/b&gt; you chose %1.</translation>
    </message>
    <message>
        <source>The right answer: %1.</source>
        <translation>The right answer: %1.</translation>
    </message>
    <message>
        <source>Your score counts your first answer.</source>
        <translation>Your score counts your first answer.</translation>
    </message>
    <message>
        <source>Waiting for you: move the run forward with Step forward (→) or Play (Space). The lesson checks the run after every event.</source>
        <translation>Waiting for you: move the run forward with Step forward (→) or Play (Space). The lesson checks the run after every event.</translation>
    </message>
    <message>
        <source>Try a variant</source>
        <translation>Try a variant</translation>
    </message>
    <message>
        <source>The same question on another run of this lesson (another seed): what happens there decides the right answer. Practice only: your score keeps your first answer.</source>
        <translation>The same question on another run of this lesson (another seed): what happens there decides the right answer. Practice only: your score keeps your first answer.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Variant %1&lt;/b&gt; · seed %2: the same question on another run. The engine decides the right answer on this run; your score keeps your first answer.</source>
        <translation>&lt;b&gt;Variant %1&lt;/b&gt; · seed %2: the same question on another run. The engine decides the right answer on this run; your score keeps your first answer.</translation>
    </message>
    <message>
        <source>▾ Less</source>
        <translation>▾ Less</translation>
    </message>
    <message>
        <source>▸ More</source>
        <translation>▸ More</translation>
    </message>
    <message>
        <source>The longer explanation of this step</source>
        <translation>The longer explanation of this step</translation>
    </message>
    <message>
        <source>You can now</source>
        <translation>You can now</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>opening a view</source>
        <translation>opening a view</translation>
    </message>
    <message>
        <source>switching to another scenario</source>
        <translation>switching to another scenario</translation>
    </message>
</context>
<context>
    <name>LessonSession</name>
    <message>
        <source>%1: the lesson&apos;s scenario could not be started</source>
        <translation>%1: the lesson&apos;s scenario could not be started</translation>
    </message>
    <message>
        <source>The run was changed before it reached the moment of the answer. Choose again.</source>
        <translation>The run was changed before it reached the moment of the answer. Choose again.</translation>
    </message>
    <message>
        <source>The run was changed while the lesson was playing it; the lesson goes on from here.</source>
        <translation>The run was changed while the lesson was playing it; the lesson goes on from here.</translation>
    </message>
    <message>
        <source>Your new attempt at this lesson was NOT saved in your progress.</source>
        <translation>Your new attempt at this lesson was NOT saved in your progress.</translation>
    </message>
    <message>
        <source>Reaching this step was NOT saved in your progress.</source>
        <translation>Reaching this step was NOT saved in your progress.</translation>
    </message>
    <message>
        <source>Your answer was NOT saved.</source>
        <translation>Your answer was NOT saved.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>A sentence saying what was not saved, then the progress store&apos;s reason.</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Finishing the lesson was NOT saved in your progress.</source>
        <translation>Finishing the lesson was NOT saved in your progress.</translation>
    </message>
    <message>
        <source>No fair variant of this question was found on the next %1 seeds.</source>
        <translation>No fair variant of this question was found on the next %1 seeds.</translation>
    </message>
</context>
<context>
    <name>LessonTopic</name>
    <message>
        <source>Foundations</source>
        <translation>Foundations</translation>
    </message>
    <message>
        <source>CAP and PACELC</source>
        <translation>CAP and PACELC</translation>
    </message>
    <message>
        <source>Time and clocks</source>
        <translation>Time and clocks</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>Replication</translation>
    </message>
    <message>
        <source>Distributed transactions</source>
        <translation>Distributed transactions</translation>
    </message>
    <message>
        <source>Atomic commit</source>
        <translation>Atomic commit</translation>
    </message>
    <message>
        <source>Sagas</source>
        <translation>Sagas</translation>
    </message>
    <message>
        <source>Reservations (TCC)</source>
        <translation>Reservations (TCC)</translation>
    </message>
    <message>
        <source>Reliable messaging</source>
        <translation>Reliable messaging</translation>
    </message>
    <message>
        <source>Choosing a pattern</source>
        <translation>Choosing a pattern</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Cut a link</source>
        <translation>Cut a link</translation>
    </message>
    <message>
        <source>Heal a link</source>
        <translation>Heal a link</translation>
    </message>
    <message>
        <source>Drop the next message on a link</source>
        <translation>Drop the next message on a link</translation>
    </message>
    <message>
        <source>Duplicate the next message on a link</source>
        <translation>Duplicate the next message on a link</translation>
    </message>
    <message>
        <source>One end of the link</source>
        <translation>One end of the link</translation>
    </message>
    <message>
        <source>The other end of the link (links carry messages both ways)</source>
        <translation>The other end of the link (links carry messages both ways)</translation>
    </message>
    <message>
        <source>From node:</source>
        <translation>From node:</translation>
    </message>
    <message>
        <source>To node:</source>
        <translation>To node:</translation>
    </message>
    <message>
        <source>Choose two different nodes.</source>
        <translation>Choose two different nodes.</translation>
    </message>
    <message>
        <source>Takes effect now, after event %1.</source>
        <translation>Takes effect now, after event %1.</translation>
    </message>
    <message>
        <source>This link is already cut.</source>
        <translation>This link is already cut.</translation>
    </message>
    <message>
        <source>This link is not cut.</source>
        <translation>This link is not cut.</translation>
    </message>
    <message>
        <source>Already armed on this link.</source>
        <translation>Already armed on this link.</translation>
    </message>
</context>
<context>
    <name>LinkItem</name>
    <message>
        <source>drop next</source>
        <translation>drop next</translation>
    </message>
    <message>
        <source>duplicate next</source>
        <translation>duplicate next</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Play</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;New scenario…</source>
        <translation>&amp;New scenario…</translation>
    </message>
    <message>
        <source>Start a new scenario: choose a protocol and the number of nodes</source>
        <translation>Start a new scenario: choose a protocol and the number of nodes</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>Open a scenario file (.json), the same format the command line uses</source>
        <translation>Open a scenario file (.json), the same format the command line uses</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>&amp;Examples</translation>
    </message>
    <message>
        <source>Clear recent files</source>
        <translation>Clear recent files</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Save the scenario with every fault you injected and the node layout</source>
        <translation>Save the scenario with every fault you injected and the node layout</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Save &amp;As…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Undo %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>Undo the last injected fault; the run replays without it</source>
        <translation>Undo the last injected fault; the run replays without it</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Redo %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Run</translation>
    </message>
    <message>
        <source>Play or pause the run in virtual time</source>
        <translation>Play or pause the run in virtual time</translation>
    </message>
    <message>
        <source>Step &amp;forward</source>
        <translation>Step &amp;forward</translation>
    </message>
    <message>
        <source>Dispatch the next event</source>
        <translation>Dispatch the next event</translation>
    </message>
    <message>
        <source>Step &amp;back</source>
        <translation>Step &amp;back</translation>
    </message>
    <message>
        <source>Go back one event by replaying the run deterministically</source>
        <translation>Go back one event by replaying the run deterministically</translation>
    </message>
    <message>
        <source>Restart with the &amp;same seed</source>
        <translation>Restart with the &amp;same seed</translation>
    </message>
    <message>
        <source>Re-roll the s&amp;eed</source>
        <translation>Re-roll the s&amp;eed</translation>
    </message>
    <message>
        <source>Spee&amp;d</source>
        <translation>Spee&amp;d</translation>
    </message>
    <message>
        <source>&amp;Faster</source>
        <translation>&amp;Faster</translation>
    </message>
    <message>
        <source>&amp;Slower</source>
        <translation>&amp;Slower</translation>
    </message>
    <message>
        <source>&amp;Normal speed (1×)</source>
        <translation>&amp;Normal speed (1×)</translation>
    </message>
    <message>
        <source>F&amp;aults</source>
        <translation>F&amp;aults</translation>
    </message>
    <message>
        <source>&amp;Crash node</source>
        <translation>&amp;Crash node</translation>
    </message>
    <message>
        <source>&amp;Restart node</source>
        <translation>&amp;Restart node</translation>
    </message>
    <message>
        <source>C&amp;ut link…</source>
        <translation>C&amp;ut link…</translation>
    </message>
    <message>
        <source>Cut a link: messages on it are lost until it is healed</source>
        <translation>Cut a link: messages on it are lost until it is healed</translation>
    </message>
    <message>
        <source>&amp;Heal link</source>
        <translation>&amp;Heal link</translation>
    </message>
    <message>
        <source>&amp;Partition…</source>
        <translation>&amp;Partition…</translation>
    </message>
    <message>
        <source>Split the nodes into two sides that cannot talk to each other</source>
        <translation>Split the nodes into two sides that cannot talk to each other</translation>
    </message>
    <message>
        <source>Heal the p&amp;artition</source>
        <translation>Heal the p&amp;artition</translation>
    </message>
    <message>
        <source>Heal &amp;all links and partitions</source>
        <translation>Heal &amp;all links and partitions</translation>
    </message>
    <message>
        <source>&amp;Drop next message on link…</source>
        <translation>&amp;Drop next message on link…</translation>
    </message>
    <message>
        <source>D&amp;uplicate next message on link…</source>
        <translation>D&amp;uplicate next message on link…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Projector mode</source>
        <translation>&amp;Projector mode</translation>
    </message>
    <message>
        <source>Full screen, large text, thick lines and high contrast for a classroom projector</source>
        <translation>Full screen, large text, thick lines and high contrast for a classroom projector</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help overlay</source>
        <translation>&amp;Help overlay</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;About CommitScope</source>
        <translation>&amp;About CommitScope</translation>
    </message>
    <message>
        <source>Topology</source>
        <translation>Topology</translation>
    </message>
    <message>
        <source>State machine</source>
        <translation>State machine</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Space-time diagram</source>
        <translation>Space-time diagram</translation>
    </message>
    <message>
        <source>Virtual time of the run (not wall-clock time)</source>
        <translation>Virtual time of the run (not wall-clock time)</translation>
    </message>
    <message>
        <source>Events dispatched so far</source>
        <translation>Events dispatched so far</translation>
    </message>
    <message>
        <source>%1 · stopped early</source>
        <translation>%1 · stopped early</translation>
    </message>
    <message>
        <source>The run stopped at %1; what is shown is partial. Shorten the run (until_ms) or lighten the workload.</source>
        <translation>The run stopped at %1; what is shown is partial. Shorten the run (until_ms) or lighten the workload.</translation>
    </message>
    <message>
        <source>Random seed: the same seed and the same faults always give the same run</source>
        <translation>Random seed: the same seed and the same faults always give the same run</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>%1[*] — CommitScope</source>
        <translation>%1[*] — CommitScope</translation>
    </message>
    <message>
        <source>t = %1 ms</source>
        <translation>t = %1 ms</translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation>seed %1</translation>
    </message>
    <message>
        <source>✔ Invariants hold</source>
        <translation>✔ Invariants hold</translation>
    </message>
    <message>
        <source>Every safety invariant of the protocol holds so far</source>
        <translation>Every safety invariant of the protocol holds so far</translation>
    </message>
    <message>
        <source>✖ Invariant violated: %1</source>
        <translation>✖ Invariant violated: %1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>The scenario has faults or layout changes that are not saved. Save them?</source>
        <translation>The scenario has faults or layout changes that are not saved. Save them?</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>Open scenario</translation>
    </message>
    <message>
        <source>Scenarios (*.json);;All files (*)</source>
        <translation>Scenarios (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Cannot open scenario</source>
        <translation>Cannot open scenario</translation>
    </message>
    <message>
        <source>%1 could not be opened. The current run is kept.</source>
        <translation>%1 could not be opened. The current run is kept.</translation>
    </message>
    <message>
        <source>Cannot save scenario</source>
        <translation>Cannot save scenario</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Save scenario</source>
        <translation>Save scenario</translation>
    </message>
    <message>
        <source>Scenarios (*.json)</source>
        <translation>Scenarios (*.json)</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>No recent files</translation>
    </message>
    <message>
        <source>No examples</source>
        <translation>No examples</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>No link is cut</source>
        <translation>No link is cut</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>About CommitScope</source>
        <translation>About CommitScope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;CommitScope %1&lt;/h3&gt;&lt;p&gt;A laboratory for distributed transactions: run a protocol message by message, break the network on purpose and watch every node&apos;s state.&lt;/p&gt;&lt;p&gt;Runs are deterministic: the same scenario, seed and faults always give the same trace.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CommitScope %1&lt;/h3&gt;&lt;p&gt;A laboratory for distributed transactions: run a protocol message by message, break the network on purpose and watch every node&apos;s state.&lt;/p&gt;&lt;p&gt;Runs are deterministic: the same scenario, seed and faults always give the same trace.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Lesson complete</source>
        <translation>Lesson complete</translation>
    </message>
    <message>
        <source>Lesson complete: %1 of %2 questions right at the first try</source>
        <translation>Lesson complete: %1 of %2 questions right at the first try</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>&amp;Lessons</translation>
    </message>
    <message>
        <source>&amp;Browse lessons…</source>
        <translation>&amp;Browse lessons…</translation>
    </message>
    <message>
        <source>Choose a guided lesson: narration, tasks on the canvas and quizzes</source>
        <translation>Choose a guided lesson: narration, tasks on the canvas and quizzes</translation>
    </message>
    <message>
        <source>&amp;Open lesson file…</source>
        <translation>&amp;Open lesson file…</translation>
    </message>
    <message>
        <source>Open a lesson file (.json) that is not one of the bundled lessons</source>
        <translation>Open a lesson file (.json) that is not one of the bundled lessons</translation>
    </message>
    <message>
        <source>&amp;Progress…</source>
        <translation>&amp;Progress…</translation>
    </message>
    <message>
        <source>Completion and scores per lesson; reset or export them as CSV</source>
        <translation>Completion and scores per lesson; reset or export them as CSV</translation>
    </message>
    <message>
        <source>&amp;Next step</source>
        <translation>&amp;Next step</translation>
    </message>
    <message>
        <source>Previous ste&amp;p</source>
        <translation>Previous ste&amp;p</translation>
    </message>
    <message>
        <source>&amp;Teacher mode</source>
        <translation>&amp;Teacher mode</translation>
    </message>
    <message>
        <source>Jump to any step, reveal answers, show solutions and hide scores</source>
        <translation>Jump to any step, reveal answers, show solutions and hide scores</translation>
    </message>
    <message>
        <source>&amp;Free play</source>
        <translation>&amp;Free play</translation>
    </message>
    <message>
        <source>Leave the lesson and keep experimenting with its scenario in the sandbox</source>
        <translation>Leave the lesson and keep experimenting with its scenario in the sandbox</translation>
    </message>
    <message>
        <source>&amp;Close lesson</source>
        <translation>&amp;Close lesson</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lesson</translation>
    </message>
    <message>
        <source>Lesson progress</source>
        <translation>Lesson progress</translation>
    </message>
    <message>
        <source>There is no lesson &quot;%1&quot; (neither a bundled lesson id nor a file).</source>
        <translation>There is no lesson &quot;%1&quot; (neither a bundled lesson id nor a file).</translation>
    </message>
    <message>
        <source>The lesson could not be started.</source>
        <translation>The lesson could not be started.</translation>
    </message>
    <message>
        <source>Cannot open lesson</source>
        <translation>Cannot open lesson</translation>
    </message>
    <message>
        <source>The lesson could not be opened. The rest of CommitScope is unaffected.</source>
        <translation>The lesson could not be opened. The rest of CommitScope is unaffected.</translation>
    </message>
    <message>
        <source>Free play: the lesson&apos;s scenario is yours to change. Home restarts it.</source>
        <translation>Free play: the lesson&apos;s scenario is yours to change. Home restarts it.</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>Open lesson</translation>
    </message>
    <message>
        <source>Lessons (*.json);;All files (*)</source>
        <translation>Lessons (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Metrics over time</source>
        <translation>Metrics over time</translation>
    </message>
    <message>
        <source>Lesson: %1</source>
        <translation>Lesson: %1</translation>
    </message>
    <message>
        <source>Side pa&amp;nels on the projector</source>
        <translation>Side pa&amp;nels on the projector</translation>
    </message>
    <message>
        <source>In projector mode, show the state machine, the space-time diagram and the metrics beside the canvas</source>
        <translation>In projector mode, show the state machine, the space-time diagram and the metrics beside the canvas</translation>
    </message>
    <message>
        <source>&amp;Fit view</source>
        <translation>&amp;Fit view</translation>
    </message>
    <message>
        <source>Show every node in the canvas again: zoom and scrolling reset</source>
        <translation>Show every node in the canvas again: zoom and scrolling reset</translation>
    </message>
    <message>
        <source>End the lesson?</source>
        <translation>End the lesson?</translation>
    </message>
    <message>
        <source>Opening something else ends the lesson &quot;%1&quot;.</source>
        <translation>Opening something else ends the lesson &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Your answers so far are kept in your progress.</source>
        <translation>Your answers so far are kept in your progress.</translation>
    </message>
    <message>
        <source>End the lesson</source>
        <translation>End the lesson</translation>
    </message>
    <message>
        <source>Quit CommitScope?</source>
        <translation>Quit CommitScope?</translation>
    </message>
    <message>
        <source>You are at step %1 of %2 in the lesson &quot;%3&quot;.</source>
        <translation>You are at step %1 of %2 in the lesson &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>Your progress is kept: next time, Lessons &gt; Browse lessons offers “Continue at step %1” with your score.</source>
        <translation>Your progress is kept: next time, Lessons &gt; Browse lessons offers “Continue at step %1” with your score.</translation>
    </message>
    <message>
        <source>Some answers could not be saved (see the lesson panel); the others are kept.</source>
        <translation>Some answers could not be saved (see the lesson panel); the others are kept.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>PostgreSQL lab</source>
        <translation>PostgreSQL lab</translation>
    </message>
    <message>
        <source>&amp;Compare protocols…</source>
        <translation>&amp;Compare protocols…</translation>
    </message>
    <message>
        <source>Run this scenario&apos;s workload and faults against several protocols side by side</source>
        <translation>Run this scenario&apos;s workload and faults against several protocols side by side</translation>
    </message>
    <message>
        <source>Cannot compare these protocols</source>
        <translation>Cannot compare these protocols</translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln event</numerusform>
            <numerusform>%Ln events</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>Write the canvas, the space-time diagram, the chart or the side-by-side view as a picture, the trace, or a one-page run report</source>
        <translation>Write the canvas, the space-time diagram, the chart or the side-by-side view as a picture, the trace, or a one-page run report</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>after event #%1</source>
        <translation>after event #%1</translation>
    </message>
    <message>
        <source>when %1 enters %2</source>
        <translation>when %1 enters %2</translation>
    </message>
    <message>
        <source>after %1 #%2 is sent</source>
        <translation>after %1 #%2 is sent</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <source>%1: this can be written as %2</source>
        <translation>%1: this can be written as %2</translation>
    </message>
    <message>
        <source>Canvas</source>
        <translation>Canvas</translation>
    </message>
    <message>
        <source>Metrics chart</source>
        <translation>Metrics chart</translation>
    </message>
    <message>
        <source>Side-by-side view</source>
        <translation>Side-by-side view</translation>
    </message>
    <message>
        <source>t = %1 ms · %2 events</source>
        <translation>t = %1 ms · %2 events</translation>
    </message>
    <message>
        <source>%1 — %2%3</source>
        <translation>%1 — %2%3</translation>
    </message>
    <message>
        <source> (not yet)</source>
        <translation> (not yet)</translation>
    </message>
    <message>
        <source>%1 is not shown in the window: show it first, then export it.</source>
        <translation>%1 is not shown in the window: show it first, then export it.</translation>
    </message>
    <message>
        <source>%1 — CommitScope</source>
        <translation>%1 — CommitScope</translation>
    </message>
    <message>
        <source>&amp;What can go wrong?…</source>
        <translation>&amp;What can go wrong?…</translation>
    </message>
    <message>
        <source>Explore every order of events of this scenario with a few faults, and list what breaks</source>
        <translation>Explore every order of events of this scenario with a few faults, and list what breaks</translation>
    </message>
    <message>
        <source>the trace limit (%L1 records)</source>
        <translation>the trace limit (%L1 records)</translation>
    </message>
    <message>
        <source>the event queue limit (%L1 pending events)</source>
        <translation>the event queue limit (%L1 pending events)</translation>
    </message>
    <message>
        <source>the memory limit (%L1 MiB)</source>
        <translation>the memory limit (%L1 MiB)</translation>
    </message>
    <message>
        <source>✔ Invariants hold (one in part)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every safety invariant of the protocol holds so far, but %1 only as far as it was checked: its checker gave up on a key with too many operations in flight at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds the last %2 of the run&apos;s %3 events: the window keeps only the last part of a run this long. For the whole trace, run it with commitscope-cli run FILE --trace OUT.jsonl.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of the trace exported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageDetails</name>
    <message>
        <source>Details of the selection</source>
        <translation>Details of the selection</translation>
    </message>
    <message>
        <source>in flight</source>
        <translation>in flight</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>delivered</translation>
    </message>
    <message>
        <source>lost: %1</source>
        <translation>lost: %1</translation>
    </message>
    <message>
        <source>Message #%1</source>
        <translation>Message #%1</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>From → to</translation>
    </message>
    <message>
        <source>Sent at</source>
        <translation>Sent at</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Arrives at</source>
        <translation>Arrives at</translation>
    </message>
    <message>
        <source>Due at</source>
        <translation>Due at</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Fate</source>
        <translation>Fate</translation>
    </message>
    <message>
        <source>will be lost: %1</source>
        <translation>will be lost: %1</translation>
    </message>
    <message>
        <source>Payload a, b</source>
        <translation>Payload a, b</translation>
    </message>
    <message>
        <source>Payload (more)</source>
        <translation>Payload (more)</translation>
    </message>
    <message>
        <source>Duplicate of</source>
        <translation>Duplicate of</translation>
    </message>
    <message>
        <source>message #%1</source>
        <translation>message #%1</translation>
    </message>
    <message>
        <source>Link epoch</source>
        <translation>Link epoch</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>DOWN — volatile state lost</source>
        <translation>DOWN — volatile state lost</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>State at crash</source>
        <translation>State at crash</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <source>waiting for a decision it cannot take alone</source>
        <translation>waiting for a decision it cannot take alone</translation>
    </message>
    <message>
        <source>Crashes</source>
        <translation>Crashes</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>Locks</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>none (locks live in memory)</source>
        <translation>none (locks live in memory)</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Resource</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Holder</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message numerus="yes">
        <source>Durable log (%n record(s))</source>
        <translation>
            <numerusform>Durable log (%n record)</numerusform>
            <numerusform>Durable log (%n records)</numerusform>
        </translation>
    </message>
    <message>
        <source>empty</source>
        <translation>empty</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>Time (ms)</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Txn</source>
        <translation>Txn</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message numerus="yes">
        <source>… %n earlier record(s)</source>
        <translation>
            <numerusform>… %n earlier record</numerusform>
            <numerusform>… %n earlier records</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a node or a message.</source>
        <translation>Select a node or a message.</translation>
    </message>
    <message>
        <source>Status</source>
        <comment>node: up or down</comment>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>MetricName</name>
    <message>
        <source>Requests answered</source>
        <translation>Requests answered</translation>
    </message>
    <message>
        <source>Requests refused</source>
        <translation>Requests refused</translation>
    </message>
    <message>
        <source>Requests timed out</source>
        <translation>Requests timed out</translation>
    </message>
    <message>
        <source>Stale reads</source>
        <translation>Stale reads</translation>
    </message>
    <message>
        <source>Operations skipped</source>
        <translation>Operations skipped</translation>
    </message>
    <message>
        <source>Operations abandoned</source>
        <translation>Operations abandoned</translation>
    </message>
    <message>
        <source>Requests served by replicas</source>
        <translation>Requests served by replicas</translation>
    </message>
    <message>
        <source>Requests refused by replicas</source>
        <translation>Requests refused by replicas</translation>
    </message>
    <message>
        <source>Read repairs</source>
        <translation>Read repairs</translation>
    </message>
    <message>
        <source>Concurrent writes kept as siblings</source>
        <translation>Concurrent writes kept as siblings</translation>
    </message>
    <message>
        <source>Lost updates</source>
        <translation>Lost updates</translation>
    </message>
    <message>
        <source>Average read latency</source>
        <translation>Average read latency</translation>
    </message>
    <message>
        <source>Longest read latency</source>
        <translation>Longest read latency</translation>
    </message>
    <message>
        <source>Average write latency</source>
        <translation>Average write latency</translation>
    </message>
    <message>
        <source>Longest write latency</source>
        <translation>Longest write latency</translation>
    </message>
    <message>
        <source>Writes accepted by servers</source>
        <translation>Writes accepted by servers</translation>
    </message>
    <message>
        <source>Writes refused by servers</source>
        <translation>Writes refused by servers</translation>
    </message>
    <message>
        <source>Conflicting writes</source>
        <translation>Conflicting writes</translation>
    </message>
    <message>
        <source>Failovers</source>
        <translation>Failovers</translation>
    </message>
    <message>
        <source>Writes acknowledged</source>
        <translation>Writes acknowledged</translation>
    </message>
    <message>
        <source>Writes failed</source>
        <translation>Writes failed</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Retries</translation>
    </message>
    <message>
        <source>Primaries right now</source>
        <translation>Primaries right now</translation>
    </message>
    <message>
        <source>Most primaries at once</source>
        <translation>Most primaries at once</translation>
    </message>
    <message>
        <source>Transactions committed</source>
        <translation>Transactions committed</translation>
    </message>
    <message>
        <source>Transactions aborted</source>
        <translation>Transactions aborted</translation>
    </message>
    <message>
        <source>Locks held</source>
        <translation>Locks held</translation>
    </message>
    <message>
        <source>Termination rounds</source>
        <translation>Termination rounds</translation>
    </message>
    <message>
        <source>Commits by an elected coordinator</source>
        <translation>Commits by an elected coordinator</translation>
    </message>
    <message>
        <source>Aborts by an elected coordinator</source>
        <translation>Aborts by an elected coordinator</translation>
    </message>
    <message>
        <source>PRECOMMIT retries</source>
        <translation>PRECOMMIT retries</translation>
    </message>
    <message>
        <source>Commits without every acknowledgement</source>
        <translation>Commits without every acknowledgement</translation>
    </message>
    <message>
        <source>Conflicting decisions</source>
        <translation>Conflicting decisions</translation>
    </message>
    <message>
        <source>Duplicate decisions</source>
        <translation>Duplicate decisions</translation>
    </message>
    <message>
        <source>In-doubt recoveries</source>
        <translation>In-doubt recoveries</translation>
    </message>
    <message>
        <source>Participants uncertain</source>
        <translation>Participants uncertain</translation>
    </message>
    <message>
        <source>Transactions confirmed</source>
        <translation>Transactions confirmed</translation>
    </message>
    <message>
        <source>Transactions cancelled</source>
        <translation>Transactions cancelled</translation>
    </message>
    <message>
        <source>Reservations held</source>
        <translation>Reservations held</translation>
    </message>
    <message>
        <source>Amount frozen</source>
        <translation>Amount frozen</translation>
    </message>
    <message>
        <source>Reservations expired</source>
        <translation>Reservations expired</translation>
    </message>
    <message>
        <source>Empty cancels</source>
        <translation>Empty cancels</translation>
    </message>
    <message>
        <source>Late tries refused</source>
        <translation>Late tries refused</translation>
    </message>
    <message>
        <source>Confirms refused</source>
        <translation>Confirms refused</translation>
    </message>
    <message>
        <source>Tries rejected</source>
        <translation>Tries rejected</translation>
    </message>
    <message>
        <source>Duplicates ignored</source>
        <translation>Duplicates ignored</translation>
    </message>
    <message>
        <source>Sagas started</source>
        <translation>Sagas started</translation>
    </message>
    <message>
        <source>Sagas completed</source>
        <translation>Sagas completed</translation>
    </message>
    <message>
        <source>Sagas compensated</source>
        <translation>Sagas compensated</translation>
    </message>
    <message>
        <source>Sagas running</source>
        <translation>Sagas running</translation>
    </message>
    <message>
        <source>Steps applied</source>
        <translation>Steps applied</translation>
    </message>
    <message>
        <source>Compensations run</source>
        <translation>Compensations run</translation>
    </message>
    <message>
        <source>Empty compensations</source>
        <translation>Empty compensations</translation>
    </message>
    <message>
        <source>Compensation failures</source>
        <translation>Compensation failures</translation>
    </message>
    <message>
        <source>Command retries</source>
        <translation>Command retries</translation>
    </message>
    <message>
        <source>Late commands refused</source>
        <translation>Late commands refused</translation>
    </message>
    <message>
        <source>Step timeouts</source>
        <translation>Step timeouts</translation>
    </message>
    <message>
        <source>Stale replies</source>
        <translation>Stale replies</translation>
    </message>
    <message>
        <source>Dirty reads</source>
        <translation>Dirty reads</translation>
    </message>
    <message>
        <source>Semantic lock waits</source>
        <translation>Semantic lock waits</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>Deliveries</translation>
    </message>
    <message>
        <source>Duplicate publishes</source>
        <translation>Duplicate publishes</translation>
    </message>
    <message>
        <source>Events not yet acknowledged</source>
        <translation>Events not yet acknowledged</translation>
    </message>
    <message>
        <source>Orders committed</source>
        <translation>Orders committed</translation>
    </message>
    <message>
        <source>Events published</source>
        <translation>Events published</translation>
    </message>
    <message>
        <source>Events stored by the broker</source>
        <translation>Events stored by the broker</translation>
    </message>
    <message>
        <source>Effects applied</source>
        <translation>Effects applied</translation>
    </message>
    <message>
        <source>Duplicate effects</source>
        <translation>Duplicate effects</translation>
    </message>
    <message>
        <source>Duplicates suppressed</source>
        <translation>Duplicates suppressed</translation>
    </message>
    <message>
        <source>Lost events</source>
        <translation>Lost events</translation>
    </message>
    <message>
        <source>Events pending</source>
        <translation>Events pending</translation>
    </message>
    <message>
        <source>Outbox rows not yet sent</source>
        <translation>Outbox rows not yet sent</translation>
    </message>
    <message>
        <source>Republishes</source>
        <translation>Republishes</translation>
    </message>
    <message>
        <source>Redeliveries</source>
        <translation>Redeliveries</translation>
    </message>
    <message>
        <source>Average latency</source>
        <translation>Average latency</translation>
    </message>
    <message>
        <source>Longest latency</source>
        <translation>Longest latency</translation>
    </message>
    <message>
        <source>Participants blocked</source>
        <translation>Participants blocked</translation>
    </message>
    <message>
        <source>Transactions waiting for a lock</source>
        <translation>Transactions waiting for a lock</translation>
    </message>
    <message>
        <source>Stock available</source>
        <translation>Stock available</translation>
    </message>
    <message>
        <source>Stock consumed</source>
        <translation>Stock consumed</translation>
    </message>
    <message>
        <source>Most siblings of one key</source>
        <translation>Most siblings of one key</translation>
    </message>
    <message>
        <source>Primaries stepping down</source>
        <translation>Primaries stepping down</translation>
    </message>
    <message>
        <source>Writes replicated</source>
        <translation>Writes replicated</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Higher ballots started</source>
        <translation>Higher ballots started</translation>
    </message>
    <message>
        <source>Outcomes decided by a backup leader</source>
        <translation>Outcomes decided by a backup leader</translation>
    </message>
    <message>
        <source>Stale writes rejected by storage</source>
        <translation>Stale writes rejected by storage</translation>
    </message>
    <message>
        <source>Highest fencing token at storage</source>
        <translation>Highest fencing token at storage</translation>
    </message>
    <message>
        <source>Sessions in use</source>
        <translation>Sessions in use</translation>
    </message>
    <message>
        <source>Sessions in the pool</source>
        <translation>Sessions in the pool</translation>
    </message>
    <message>
        <source>Janitor rollbacks</source>
        <translation>Janitor rollbacks</translation>
    </message>
</context>
<context>
    <name>MetricShortName</name>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Timed out</translation>
    </message>
    <message>
        <source>Stale reads</source>
        <translation>Stale reads</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Abandoned</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>Replica refused</source>
        <translation>Replica refused</translation>
    </message>
    <message>
        <source>Read repairs</source>
        <translation>Read repairs</translation>
    </message>
    <message>
        <source>Siblings</source>
        <translation>Siblings</translation>
    </message>
    <message>
        <source>Lost updates</source>
        <translation>Lost updates</translation>
    </message>
    <message>
        <source>Read avg</source>
        <translation>Read avg</translation>
    </message>
    <message>
        <source>Read max</source>
        <translation>Read max</translation>
    </message>
    <message>
        <source>Write avg</source>
        <translation>Write avg</translation>
    </message>
    <message>
        <source>Write max</source>
        <translation>Write max</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Refused writes</source>
        <translation>Refused writes</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Failovers</source>
        <translation>Failovers</translation>
    </message>
    <message>
        <source>Acked writes</source>
        <translation>Acked writes</translation>
    </message>
    <message>
        <source>Failed writes</source>
        <translation>Failed writes</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Retries</translation>
    </message>
    <message>
        <source>Primaries</source>
        <translation>Primaries</translation>
    </message>
    <message>
        <source>Max primaries</source>
        <translation>Max primaries</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>Committed</translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation>Aborted</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>Locks</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <source>Lock waits</source>
        <translation>Lock waits</translation>
    </message>
    <message>
        <source>Terminations</source>
        <translation>Terminations</translation>
    </message>
    <message>
        <source>Elected commits</source>
        <translation>Elected commits</translation>
    </message>
    <message>
        <source>Elected aborts</source>
        <translation>Elected aborts</translation>
    </message>
    <message>
        <source>Unacked</source>
        <translation>Unacked</translation>
    </message>
    <message>
        <source>Split decisions</source>
        <translation>Split decisions</translation>
    </message>
    <message>
        <source>Dup. decisions</source>
        <translation>Dup. decisions</translation>
    </message>
    <message>
        <source>Recoveries</source>
        <translation>Recoveries</translation>
    </message>
    <message>
        <source>Uncertain</source>
        <translation>Uncertain</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reserved</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Frozen</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Empty cancels</source>
        <translation>Empty cancels</translation>
    </message>
    <message>
        <source>Late tries</source>
        <translation>Late tries</translation>
    </message>
    <message>
        <source>Confirms refused</source>
        <translation>Confirms refused</translation>
    </message>
    <message>
        <source>Tries rejected</source>
        <translation>Tries rejected</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Compensated</source>
        <translation>Compensated</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>Compensations</source>
        <translation>Compensations</translation>
    </message>
    <message>
        <source>Empty comps</source>
        <translation>Empty comps</translation>
    </message>
    <message>
        <source>Comp. failures</source>
        <translation>Comp. failures</translation>
    </message>
    <message>
        <source>Cmd retries</source>
        <translation>Cmd retries</translation>
    </message>
    <message>
        <source>Late commands</source>
        <translation>Late commands</translation>
    </message>
    <message>
        <source>Step timeouts</source>
        <translation>Step timeouts</translation>
    </message>
    <message>
        <source>Stale replies</source>
        <translation>Stale replies</translation>
    </message>
    <message>
        <source>Dirty reads</source>
        <translation>Dirty reads</translation>
    </message>
    <message>
        <source>Semantic waits</source>
        <translation>Semantic waits</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>Deliveries</translation>
    </message>
    <message>
        <source>Dup. publishes</source>
        <translation>Dup. publishes</translation>
    </message>
    <message>
        <source>Unacked events</source>
        <translation>Unacked events</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Stored</translation>
    </message>
    <message>
        <source>Effects</source>
        <translation>Effects</translation>
    </message>
    <message>
        <source>Dup. effects</source>
        <translation>Dup. effects</translation>
    </message>
    <message>
        <source>Suppressed</source>
        <translation>Suppressed</translation>
    </message>
    <message>
        <source>Lost events</source>
        <translation>Lost events</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Unsent</source>
        <translation>Unsent</translation>
    </message>
    <message>
        <source>Republishes</source>
        <translation>Republishes</translation>
    </message>
    <message>
        <source>Redeliveries</source>
        <translation>Redeliveries</translation>
    </message>
    <message>
        <source>Avg latency</source>
        <translation>Avg latency</translation>
    </message>
    <message>
        <source>Max latency</source>
        <translation>Max latency</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>Consumed</source>
        <translation>Consumed</translation>
    </message>
    <message>
        <source>Max siblings</source>
        <translation>Max siblings</translation>
    </message>
    <message>
        <source>Step-downs</source>
        <translation>Step-downs</translation>
    </message>
    <message>
        <source>Replicated</source>
        <translation>Replicated</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Ballots</source>
        <translation>Ballots</translation>
    </message>
    <message>
        <source>Backup decisions</source>
        <translation>Backup decisions</translation>
    </message>
    <message>
        <source>Stale rejected</source>
        <translation>Stale rejected</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <source>Janitor</source>
        <translation>Janitor</translation>
    </message>
</context>
<context>
    <name>MetricsChartView</name>
    <message numerus="yes">
        <source>At most %n metrics at once: untick one first.</source>
        <translation>
            <numerusform>At most %n metrics at once: untick one first.</numerusform>
            <numerusform>At most %n metrics at once: untick one first.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Virtual time (ms)</source>
        <translation>Virtual time (ms)</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latency (ms)</translation>
    </message>
    <message>
        <source>Metrics over virtual time</source>
        <translation>Metrics over virtual time</translation>
    </message>
    <message>
        <source>Metrics to plot</source>
        <translation>Metrics to plot</translation>
    </message>
    <message>
        <source>now</source>
        <translation>now</translation>
    </message>
    <message>
        <source>This protocol reports no metrics.</source>
        <translation>This protocol reports no metrics.</translation>
    </message>
    <message>
        <source>Tick a metric in the list to plot it.</source>
        <translation>Tick a metric in the list to plot it.</translation>
    </message>
    <message numerus="yes">
        <source>Tick up to %n metrics. Faults are marked in red.</source>
        <translation>
            <numerusform>Tick up to %n metrics. Faults are marked in red.</numerusform>
            <numerusform>Tick up to %n metrics. Faults are marked in red.</numerusform>
        </translation>
    </message>
    <message>
        <source>CP mode (majority only)</source>
        <translation>CP mode (majority only)</translation>
    </message>
    <message>
        <source>CP</source>
        <translation>CP</translation>
    </message>
    <message>
        <source>Last-writer-wins clocks</source>
        <translation>Last-writer-wins clocks</translation>
    </message>
    <message>
        <source>LWW</source>
        <translation>LWW</translation>
    </message>
    <message>
        <source>Vector clocks</source>
        <translation>Vector clocks</translation>
    </message>
    <message>
        <source>vector</source>
        <translation>vector</translation>
    </message>
    <message>
        <source>AP mode (answers on both sides)</source>
        <translation>AP mode (answers on both sides)</translation>
    </message>
    <message>
        <source>AP</source>
        <translation>AP</translation>
    </message>
    <message>
        <source>Quorums R = W = 1 (fast, may read stale)</source>
        <translation>Quorums R = W = 1 (fast, may read stale)</translation>
    </message>
    <message>
        <source>(R=W=%1)</source>
        <translation>(R=W=%1)</translation>
    </message>
    <message>
        <source>Majority quorums R = W = %1</source>
        <translation>Majority quorums R = W = %1</translation>
    </message>
    <message>
        <source>All replicas R = W = %1 (slow)</source>
        <translation>All replicas R = W = %1 (slow)</translation>
    </message>
    <message>
        <source>Without fencing</source>
        <translation>Without fencing</translation>
    </message>
    <message>
        <source>no fencing</source>
        <translation>no fencing</translation>
    </message>
    <message>
        <source>With fencing</source>
        <translation>With fencing</translation>
    </message>
    <message>
        <source>fencing</source>
        <translation>fencing</translation>
    </message>
    <message>
        <source>With a semantic lock</source>
        <translation>With a semantic lock</translation>
    </message>
    <message>
        <source>lock</source>
        <translation>lock</translation>
    </message>
    <message>
        <source>Without a semantic lock</source>
        <translation>Without a semantic lock</translation>
    </message>
    <message>
        <source>no lock</source>
        <translation>no lock</translation>
    </message>
    <message>
        <source>Shorter timeouts (%1 ms)</source>
        <translation>Shorter timeouts (%1 ms)</translation>
    </message>
    <message>
        <source>½ timeout</source>
        <translation>½ timeout</translation>
    </message>
    <message>
        <source>Longer timeouts (%1 ms)</source>
        <translation>Longer timeouts (%1 ms)</translation>
    </message>
    <message>
        <source>2× timeout</source>
        <translation>2× timeout</translation>
    </message>
    <message>
        <source>Shorter reservations (%1 ms)</source>
        <translation>Shorter reservations (%1 ms)</translation>
    </message>
    <message>
        <source>½ reservation</source>
        <translation>½ reservation</translation>
    </message>
    <message>
        <source>Longer reservations (%1 ms)</source>
        <translation>Longer reservations (%1 ms)</translation>
    </message>
    <message>
        <source>2× reservation</source>
        <translation>2× reservation</translation>
    </message>
    <message>
        <source>Without an idempotent consumer</source>
        <translation>Without an idempotent consumer</translation>
    </message>
    <message>
        <source>not idempotent</source>
        <translation>not idempotent</translation>
    </message>
    <message>
        <source>With an idempotent consumer</source>
        <translation>With an idempotent consumer</translation>
    </message>
    <message>
        <source>idempotent</source>
        <translation>idempotent</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>Compare with:</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Compare with</translation>
    </message>
    <message>
        <source>No design variant to compare with for this protocol.</source>
        <translation>No design variant to compare with for this protocol.</translation>
    </message>
    <message>
        <source>Replays the same workload and faults with one setting changed and draws it as dashed lines.</source>
        <translation>Replays the same workload and faults with one setting changed and draws it as dashed lines.</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(nothing)</translation>
    </message>
    <message>
        <source>Dashed: %1, same workload and faults.</source>
        <translation>Dashed: %1, same workload and faults.</translation>
    </message>
</context>
<context>
    <name>NewScenarioDialog</name>
    <message>
        <source>New scenario</source>
        <translation>New scenario</translation>
    </message>
    <message>
        <source>The protocol every node runs</source>
        <translation>The protocol every node runs</translation>
    </message>
    <message>
        <source>Protocol:</source>
        <translation>Protocol:</translation>
    </message>
    <message>
        <source>Participants:</source>
        <translation>Participants:</translation>
    </message>
    <message>
        <source>Replicas:</source>
        <translation>Replicas:</translation>
    </message>
    <message>
        <source>Servers:</source>
        <translation>Servers:</translation>
    </message>
    <message>
        <source>Saga steps:</source>
        <translation>Saga steps:</translation>
    </message>
    <message>
        <source>How large the cluster is; the protocol adds its fixed nodes (coordinator, broker, clients)</source>
        <translation>How large the cluster is; the protocol adds its fixed nodes (coordinator, broker, clients)</translation>
    </message>
    <message>
        <source>This protocol cannot be started.</source>
        <translation>This protocol cannot be started.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nodes:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Nodes:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Checked at every event:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Checked at every event:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Faults you inject are added to the scenario and saved with it.</source>
        <translation>Faults you inject are added to the scenario and saved with it.</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>Services:</source>
        <translation>Services:</translation>
    </message>
</context>
<context>
    <name>NodeAids</name>
    <message>
        <source>%1 · %2 ms</source>
        <translation>%1 · %2 ms</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>in doubt since %1 ms</source>
        <translation>in doubt since %1 ms</translation>
    </message>
    <message>
        <source>blocked since %1 ms</source>
        <translation>blocked since %1 ms</translation>
    </message>
    <message>
        <source>in doubt</source>
        <translation>in doubt</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>blocked</translation>
    </message>
    <message>
        <source>asked %1 at %2 ms</source>
        <translation>asked %1 at %2 ms</translation>
    </message>
    <message>
        <source>voted yes to %1 at %2 ms</source>
        <translation>voted yes to %1 at %2 ms</translation>
    </message>
    <message>
        <source>voted no to %1 at %2 ms</source>
        <translation>voted no to %1 at %2 ms</translation>
    </message>
    <message>
        <source>sent %1 to %2 at %3 ms</source>
        <translation>sent %1 to %2 at %3 ms</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <source>DOWN</source>
        <translation>DOWN</translation>
    </message>
    <message>
        <source>txn %1</source>
        <translation>txn %1</translation>
    </message>
    <message>
        <source>BLOCKED</source>
        <translation>BLOCKED</translation>
    </message>
    <message>
        <source>volatile state lost</source>
        <translation>volatile state lost</translation>
    </message>
    <message>
        <source>no locks</source>
        <translation>no locks</translation>
    </message>
    <message>
        <source>WAL</source>
        <translation>WAL</translation>
    </message>
    <message>
        <source>WAL — survives the crash</source>
        <translation>WAL — survives the crash</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>empty</translation>
    </message>
</context>
<context>
    <name>ParamForm</name>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>automatic (%1)</source>
        <translation>automatic (%1)</translation>
    </message>
    <message>
        <source>Set in the scenario file: %1.</source>
        <translation>Set in the scenario file: %1.</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>ParamText</name>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Participants P1…Pn besides the coordinator C.</source>
        <translation>Participants P1…Pn besides the coordinator C.</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>How many transactions the client starts.</source>
        <translation>How many transactions the client starts.</translation>
    </message>
    <message>
        <source>Interval between starts</source>
        <translation>Interval between starts</translation>
    </message>
    <message>
        <source>Time between two transactions (or operations) the client starts.</source>
        <translation>Time between two transactions (or operations) the client starts.</translation>
    </message>
    <message>
        <source>Local work</source>
        <translation>Local work</translation>
    </message>
    <message>
        <source>Local work before the coordinator asks for votes; locks are held meanwhile.</source>
        <translation>Local work before the coordinator asks for votes; locks are held meanwhile.</translation>
    </message>
    <message>
        <source>Vote / decision timeout</source>
        <translation>Vote / decision timeout</translation>
    </message>
    <message>
        <source>How long the coordinator waits for votes, and a participant for the decision.</source>
        <translation>How long the coordinator waits for votes, and a participant for the decision.</translation>
    </message>
    <message>
        <source>Acknowledgement timeout</source>
        <translation>Acknowledgement timeout</translation>
    </message>
    <message>
        <source>How often the decision is sent again to those that have not acknowledged it.</source>
        <translation>How often the decision is sent again to those that have not acknowledged it.</translation>
    </message>
    <message>
        <source>Forced log write</source>
        <translation>Forced log write</translation>
    </message>
    <message>
        <source>Latency of a forced write to the durable log.</source>
        <translation>Latency of a forced write to the durable log.</translation>
    </message>
    <message>
        <source>Client retry</source>
        <translation>Client retry</translation>
    </message>
    <message>
        <source>How often the client tries again while the node it talks to is down.</source>
        <translation>How often the client tries again while the node it talks to is down.</translation>
    </message>
    <message>
        <source>Resources per participant</source>
        <translation>Resources per participant</translation>
    </message>
    <message>
        <source>Lockable resources each participant holds; fewer means more lock conflicts.</source>
        <translation>Lockable resources each participant holds; fewer means more lock conflicts.</translation>
    </message>
    <message>
        <source>Abort vote probability</source>
        <translation>Abort vote probability</translation>
    </message>
    <message>
        <source>Chance that a participant votes abort, per transaction.</source>
        <translation>Chance that a participant votes abort, per transaction.</translation>
    </message>
    <message>
        <source>Fixed votes</source>
        <translation>Fixed votes</translation>
    </message>
    <message>
        <source>PRECOMMIT re-sends</source>
        <translation>PRECOMMIT re-sends</translation>
    </message>
    <message>
        <source>Re-sends of PRECOMMIT before the coordinator commits without every acknowledgement.</source>
        <translation>Re-sends of PRECOMMIT before the coordinator commits without every acknowledgement.</translation>
    </message>
    <message>
        <source>Termination window</source>
        <translation>Termination window</translation>
    </message>
    <message>
        <source>How long a termination round gathers the participants&apos; states.</source>
        <translation>How long a termination round gathers the participants&apos; states.</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Services (ACCOUNT, INVENTORY, …) besides the transaction manager.</source>
        <translation>Services (ACCOUNT, INVENTORY, …) besides the transaction manager.</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Amount each service reserves per transaction.</source>
        <translation>Amount each service reserves per transaction.</translation>
    </message>
    <message>
        <source>Largest amount</source>
        <translation>Largest amount</translation>
    </message>
    <message>
        <source>When larger than the amount, each transaction&apos;s amount is drawn between the two.</source>
        <translation>When larger than the amount, each transaction&apos;s amount is drawn between the two.</translation>
    </message>
    <message>
        <source>Try work</source>
        <translation>Try work</translation>
    </message>
    <message>
        <source>A service&apos;s local work on TRY.</source>
        <translation>A service&apos;s local work on TRY.</translation>
    </message>
    <message>
        <source>Try timeout</source>
        <translation>Try timeout</translation>
    </message>
    <message>
        <source>How long the transaction manager waits for every TRY answer.</source>
        <translation>How long the transaction manager waits for every TRY answer.</translation>
    </message>
    <message>
        <source>Re-send period</source>
        <translation>Re-send period</translation>
    </message>
    <message>
        <source>How often an unanswered request (CONFIRM, CANCEL, a saga step) is sent again.</source>
        <translation>How often an unanswered request (CONFIRM, CANCEL, a saga step) is sent again.</translation>
    </message>
    <message>
        <source>Reservation lifetime</source>
        <translation>Reservation lifetime</translation>
    </message>
    <message>
        <source>A reservation expires after this long and the service cancels it on its own.</source>
        <translation>A reservation expires after this long and the service cancels it on its own.</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>What each service can reserve in all.</source>
        <translation>What each service can reserve in all.</translation>
    </message>
    <message>
        <source>Sagas</source>
        <translation>Sagas</translation>
    </message>
    <message>
        <source>How many sagas (orders) the client starts.</source>
        <translation>How many sagas (orders) the client starts.</translation>
    </message>
    <message>
        <source>Saga steps</source>
        <translation>Saga steps</translation>
    </message>
    <message>
        <source>ORDER, PAYMENT, then INVENTORY, then SHIPPING.</source>
        <translation>ORDER, PAYMENT, then INVENTORY, then SHIPPING.</translation>
    </message>
    <message>
        <source>Failing step</source>
        <translation>Failing step</translation>
    </message>
    <message>
        <source>The step at which a saga fails.</source>
        <translation>The step at which a saga fails.</translation>
    </message>
    <message>
        <source>How it fails</source>
        <translation>How it fails</translation>
    </message>
    <message>
        <source>A definitive failure reply, or no reply at all.</source>
        <translation>A definitive failure reply, or no reply at all.</translation>
    </message>
    <message>
        <source>Failure probability</source>
        <translation>Failure probability</translation>
    </message>
    <message>
        <source>Chance that a saga fails at the failing step.</source>
        <translation>Chance that a saga fails at the failing step.</translation>
    </message>
    <message>
        <source>Failed compensations</source>
        <translation>Failed compensations</translation>
    </message>
    <message>
        <source>Each compensation fails this many times before it succeeds.</source>
        <translation>Each compensation fails this many times before it succeeds.</translation>
    </message>
    <message>
        <source>Sagas that may fail</source>
        <translation>Sagas that may fail</translation>
    </message>
    <message>
        <source>Only these sagas may fail.</source>
        <translation>Only these sagas may fail.</translation>
    </message>
    <message>
        <source>Step deadline</source>
        <translation>Step deadline</translation>
    </message>
    <message>
        <source>Deadline of a forward step; 0 waits forever, and a hung service then blocks the saga.</source>
        <translation>Deadline of a forward step; 0 waits forever, and a hung service then blocks the saga.</translation>
    </message>
    <message>
        <source>Concurrent reader</source>
        <translation>Concurrent reader</translation>
    </message>
    <message>
        <source>Finite stock and a second reader, to show a dirty read between sagas.</source>
        <translation>Finite stock and a second reader, to show a dirty read between sagas.</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>INVENTORY&apos;s stock; -1 is unlimited.</source>
        <translation>INVENTORY&apos;s stock; -1 is unlimited.</translation>
    </message>
    <message>
        <source>Isolation countermeasure</source>
        <translation>Isolation countermeasure</translation>
    </message>
    <message>
        <source>How the saga keeps others from reading its unfinished work.</source>
        <translation>How the saga keeps others from reading its unfinished work.</translation>
    </message>
    <message>
        <source>Redelivery period</source>
        <translation>Redelivery period</translation>
    </message>
    <message>
        <source>The broker delivers again when no delivery acknowledgement came.</source>
        <translation>The broker delivers again when no delivery acknowledgement came.</translation>
    </message>
    <message>
        <source>Re-publish period</source>
        <translation>Re-publish period</translation>
    </message>
    <message>
        <source>A service publishes its event again when no publish acknowledgement came.</source>
        <translation>A service publishes its event again when no publish acknowledgement came.</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>How many orders the client places.</source>
        <translation>How many orders the client places.</translation>
    </message>
    <message>
        <source>Relay polling period</source>
        <translation>Relay polling period</translation>
    </message>
    <message>
        <source>How often the relay reads the outbox table.</source>
        <translation>How often the relay reads the outbox table.</translation>
    </message>
    <message>
        <source>Rows per poll</source>
        <translation>Rows per poll</translation>
    </message>
    <message>
        <source>How many outbox rows the relay takes at a time.</source>
        <translation>How many outbox rows the relay takes at a time.</translation>
    </message>
    <message>
        <source>Publish timeout</source>
        <translation>Publish timeout</translation>
    </message>
    <message>
        <source>Publish again when no publish acknowledgement came.</source>
        <translation>Publish again when no publish acknowledgement came.</translation>
    </message>
    <message>
        <source>Idempotent consumer</source>
        <translation>Idempotent consumer</translation>
    </message>
    <message>
        <source>The consumer remembers processed events and skips duplicates.</source>
        <translation>The consumer remembers processed events and skips duplicates.</translation>
    </message>
    <message>
        <source>Commit-to-publish delay</source>
        <translation>Commit-to-publish delay</translation>
    </message>
    <message>
        <source>Time between the commit and the publish; a crash in it loses the event.</source>
        <translation>Time between the commit and the publish; a crash in it loses the event.</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>CP refuses without a majority quorum; AP answers from the local replica.</source>
        <translation>CP refuses without a majority quorum; AP answers from the local replica.</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>Replicas</translation>
    </message>
    <message>
        <source>Replicas R1…Rn.</source>
        <translation>Replicas R1…Rn.</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Clients K1…Km.</source>
        <translation>Clients K1…Km.</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Operations</translation>
    </message>
    <message>
        <source>Operations, taken in turn by the clients.</source>
        <translation>Operations, taken in turn by the clients.</translation>
    </message>
    <message>
        <source>Share of writes</source>
        <translation>Share of writes</translation>
    </message>
    <message>
        <source>Chance that an operation is a write.</source>
        <translation>Chance that an operation is a write.</translation>
    </message>
    <message>
        <source>Registers</source>
        <translation>Registers</translation>
    </message>
    <message>
        <source>How many registers (keys) the replicas hold.</source>
        <translation>How many registers (keys) the replicas hold.</translation>
    </message>
    <message>
        <source>Read quorum</source>
        <translation>Read quorum</translation>
    </message>
    <message>
        <source>Replicas a CP read asks.</source>
        <translation>Replicas a CP read asks.</translation>
    </message>
    <message>
        <source>Write quorum</source>
        <translation>Write quorum</translation>
    </message>
    <message>
        <source>Replicas a CP write stores at.</source>
        <translation>Replicas a CP write stores at.</translation>
    </message>
    <message>
        <source>Quorum timeout</source>
        <translation>Quorum timeout</translation>
    </message>
    <message>
        <source>A CP replica gives up and answers FAIL.</source>
        <translation>A CP replica gives up and answers FAIL.</translation>
    </message>
    <message>
        <source>Operation timeout</source>
        <translation>Operation timeout</translation>
    </message>
    <message>
        <source>A client gives up waiting for an answer.</source>
        <translation>A client gives up waiting for an answer.</translation>
    </message>
    <message>
        <source>Conflict resolution</source>
        <translation>Conflict resolution</translation>
    </message>
    <message>
        <source>AP: last-writer-wins timestamps, or vector clocks that keep siblings.</source>
        <translation>AP: last-writer-wins timestamps, or vector clocks that keep siblings.</translation>
    </message>
    <message>
        <source>Anti-entropy period</source>
        <translation>Anti-entropy period</translation>
    </message>
    <message>
        <source>How often AP replicas exchange their values (0: never; they then converge only through the writes they forward).</source>
        <translation>How often AP replicas exchange their values (0: never; they then converge only through the writes they forward).</translation>
    </message>
    <message>
        <source>Client attachment</source>
        <translation>Client attachment</translation>
    </message>
    <message>
        <source>Which replica each client talks to.</source>
        <translation>Which replica each client talks to.</translation>
    </message>
    <message>
        <source>Clock skew</source>
        <translation>Clock skew</translation>
    </message>
    <message>
        <source>Each replica&apos;s clock offset (AP, last writer wins).</source>
        <translation>Each replica&apos;s clock offset (AP, last writer wins).</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Servers</translation>
    </message>
    <message>
        <source>Servers N1…Nn; with two and fencing, no failover is possible.</source>
        <translation>Servers N1…Nn; with two and fencing, no failover is possible.</translation>
    </message>
    <message>
        <source>Fencing</source>
        <translation>Fencing</translation>
    </message>
    <message>
        <source>Majority votes and leases; without them a backup takes over alone and split brain is possible.</source>
        <translation>Majority votes and leases; without them a backup takes over alone and split brain is possible.</translation>
    </message>
    <message>
        <source>Writes</source>
        <translation>Writes</translation>
    </message>
    <message>
        <source>Writes, taken in turn by the clients.</source>
        <translation>Writes, taken in turn by the clients.</translation>
    </message>
    <message>
        <source>Heartbeat period</source>
        <translation>Heartbeat period</translation>
    </message>
    <message>
        <source>How often the primary says it is alive.</source>
        <translation>How often the primary says it is alive.</translation>
    </message>
    <message>
        <source>Failover after</source>
        <translation>Failover after</translation>
    </message>
    <message>
        <source>Silence before a backup takes over.</source>
        <translation>Silence before a backup takes over.</translation>
    </message>
    <message>
        <source>Lease length</source>
        <translation>Lease length</translation>
    </message>
    <message>
        <source>With fencing: how long a lease and a vote promise last.</source>
        <translation>With fencing: how long a lease and a vote promise last.</translation>
    </message>
    <message>
        <source>Client timeout</source>
        <translation>Client timeout</translation>
    </message>
    <message>
        <source>A client gives up waiting for the write&apos;s answer and asks again.</source>
        <translation>A client gives up waiting for the write&apos;s answer and asks again.</translation>
    </message>
    <message>
        <source>Attempts per write</source>
        <translation>Attempts per write</translation>
    </message>
    <message>
        <source>How often a client tries one write before it gives up.</source>
        <translation>How often a client tries one write before it gives up.</translation>
    </message>
    <message>
        <source>none (every saga succeeds)</source>
        <translation>none (every saga succeeds)</translation>
    </message>
    <message>
        <source>ORDER</source>
        <translation>ORDER</translation>
    </message>
    <message>
        <source>PAYMENT</source>
        <translation>PAYMENT</translation>
    </message>
    <message>
        <source>INVENTORY</source>
        <translation>INVENTORY</translation>
    </message>
    <message>
        <source>SHIPPING</source>
        <translation>SHIPPING</translation>
    </message>
    <message>
        <source>a failure reply (business error)</source>
        <translation>a failure reply (business error)</translation>
    </message>
    <message>
        <source>no reply (timeout)</source>
        <translation>no reply (timeout)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>semantic lock</source>
        <translation>semantic lock</translation>
    </message>
    <message>
        <source>CP (consistent, may refuse)</source>
        <translation>CP (consistent, may refuse)</translation>
    </message>
    <message>
        <source>AP (available, may diverge)</source>
        <translation>AP (available, may diverge)</translation>
    </message>
    <message>
        <source>last writer wins</source>
        <translation>last writer wins</translation>
    </message>
    <message>
        <source>vector clocks</source>
        <translation>vector clocks</translation>
    </message>
    <message>
        <source>Tolerated faults F</source>
        <translation>Tolerated faults F</translation>
    </message>
    <message>
        <source>Paxos Commit runs 2F+1 acceptors A1…A(2F+1), so that F of them and the leader may crash.</source>
        <translation>Paxos Commit runs 2F+1 acceptors A1…A(2F+1), so that F of them and the leader may crash.</translation>
    </message>
    <message>
        <source>Stock compensation</source>
        <translation>Stock compensation</translation>
    </message>
    <message>
        <source>How RELEASE_STOCK undoes a reservation: add the unit back, or write back the stock read before it (a lost update if another saga reserved meanwhile).</source>
        <translation>How RELEASE_STOCK undoes a reservation: add the unit back, or write back the stock read before it (a lost update if another saga reserved meanwhile).</translation>
    </message>
    <message>
        <source>Fencing token at storage</source>
        <translation>Fencing token at storage</translation>
    </message>
    <message>
        <source>A STORAGE node holds the data and rejects a write whose term (fencing token) is older than one it has seen; elections need a majority.</source>
        <translation>A STORAGE node holds the data and rejects a write whose term (fencing token) is older than one it has seen; elections need a majority.</translation>
    </message>
    <message>
        <source>undo (add the unit back)</source>
        <translation>undo (add the unit back)</translation>
    </message>
    <message>
        <source>restore (write back the old stock)</source>
        <translation>restore (write back the old stock)</translation>
    </message>
    <message>
        <source>Sessions per participant</source>
        <translation>Sessions per participant</translation>
    </message>
    <message>
        <source>Connection pool size (0: unlimited); a transaction that finds no free session fails.</source>
        <translation>Connection pool size (0: unlimited); a transaction that finds no free session fails.</translation>
    </message>
    <message>
        <source>Session given back</source>
        <translation>Session given back</translation>
    </message>
    <message>
        <source>When a transaction gives its session back: at READY, as PREPARE TRANSACTION detaches it, or at the decision.</source>
        <translation>When a transaction gives its session back: at READY, as PREPARE TRANSACTION detaches it, or at the decision.</translation>
    </message>
    <message>
        <source>Janitor</source>
        <translation>Janitor</translation>
    </message>
    <message>
        <source>0: off; else a participant rolls back a transaction left READY this long (a heuristic decision).</source>
        <translation>0: off; else a participant rolls back a transaction left READY this long (a heuristic decision).</translation>
    </message>
    <message>
        <source>at READY (PREPARE TRANSACTION)</source>
        <translation>at READY (PREPARE TRANSACTION)</translation>
    </message>
    <message>
        <source>at the decision</source>
        <translation>at the decision</translation>
    </message>
    <message>
        <source>Participants that vote abort: on every transaction, or only on the listed ones.</source>
        <translation>Participants that vote abort: on every transaction, or only on the listed ones.</translation>
    </message>
    <message>
        <source>Downstream services</source>
        <translation>Downstream services</translation>
    </message>
    <message>
        <source>How many downstream services (consumers) receive every order&apos;s event; an order is done when all of them have applied it.</source>
        <translation>How many downstream services (consumers) receive every order&apos;s event; an order is done when all of them have applied it.</translation>
    </message>
</context>
<context>
    <name>PartitionDialog</name>
    <message>
        <source>Partition the network</source>
        <translation>Partition the network</translation>
    </message>
    <message>
        <source>Put each node on side A or side B. Messages between the two sides are lost until the partition is healed; links inside a side keep working.</source>
        <translation>Put each node on side A or side B. Messages between the two sides are lost until the partition is healed; links inside a side keep working.</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <source>Side A</source>
        <translation>Side A</translation>
    </message>
    <message>
        <source>Side B</source>
        <translation>Side B</translation>
    </message>
    <message>
        <source>Put %1 on side A</source>
        <translation>Put %1 on side A</translation>
    </message>
    <message>
        <source>Put %1 on side B</source>
        <translation>Put %1 on side B</translation>
    </message>
    <message>
        <source>Takes effect now, after event %1.</source>
        <translation>Takes effect now, after event %1.</translation>
    </message>
    <message>
        <source>Each side needs at least one node.</source>
        <translation>Each side needs at least one node.</translation>
    </message>
</context>
<context>
    <name>PgLabPanel</name>
    <message>
        <source>SQL sent to the server, and its answers</source>
        <translation>SQL sent to the server, and its answers</translation>
    </message>
    <message>
        <source>PostgreSQL could not be started, so this lesson&apos;s lab cannot run. The rest of CommitScope works as usual.

To run the lab, install PostgreSQL and Qt&apos;s PostgreSQL driver:
sudo apt-get install postgresql libqt6sql6-psql

The server said: %1</source>
        <translation>PostgreSQL could not be started, so this lesson&apos;s lab cannot run. The rest of CommitScope works as usual.

To run the lab, install PostgreSQL and Qt&apos;s PostgreSQL driver:
sudo apt-get install postgresql libqt6sql6-psql

The server said: %1</translation>
    </message>
    <message>
        <source>Starting a private PostgreSQL server (initdb, then pg_ctl start)…</source>
        <translation>Starting a private PostgreSQL server (initdb, then pg_ctl start)…</translation>
    </message>
    <message>
        <source>The lab&apos;s server starts with the lesson&apos;s first SQL step.</source>
        <translation>The lab&apos;s server starts with the lesson&apos;s first SQL step.</translation>
    </message>
    <message>
        <source>   ERROR (%1): %2</source>
        <translation>   ERROR (%1): %2</translation>
    </message>
    <message>
        <source>Your own SQL: available in free mode, once the lab&apos;s steps are done.</source>
        <translation>Your own SQL: available in free mode, once the lab&apos;s steps are done.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Free mode: your own SQL for a participant&apos;s database (Ctrl+Enter runs it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try BEGIN, an UPDATE of account, PREPARE TRANSACTION &apos;mine&apos;, then COMMIT PREPARED &apos;mine&apos;</source>
        <translation>Try BEGIN, an UPDATE of account, PREPARE TRANSACTION &apos;mine&apos;, then COMMIT PREPARED &apos;mine&apos;</translation>
    </message>
    <message>
        <source>Private PostgreSQL %1 server: a throwaway cluster, Unix socket only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL %1, started for this lesson in a temporary directory; it listens on a Unix socket, on no network port, and is removed when the lesson closes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Reset progress</source>
        <translation>Reset progress</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lesson</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Best score</source>
        <translation>Best score</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>Last attempt</translation>
    </message>
    <message>
        <source>Reset this lesson…</source>
        <translation>Reset this lesson…</translation>
    </message>
    <message>
        <source>Reset all…</source>
        <translation>Reset all…</translation>
    </message>
    <message>
        <source>Export answers (CSV)…</source>
        <translation>Export answers (CSV)…</translation>
    </message>
    <message>
        <source>Export summary (CSV)…</source>
        <translation>Export summary (CSV)…</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Export progress</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Progress is saved in %1</source>
        <translation>Progress is saved in %1</translation>
    </message>
    <message>
        <source>Progress is saved in %1. %2</source>
        <translation>Progress is saved in %1. %2</translation>
    </message>
    <message>
        <source>Progress is kept in memory only and is lost when CommitScope closes. %1</source>
        <translation>Progress is kept in memory only and is lost when CommitScope closes. %1</translation>
    </message>
    <message>
        <source>Progress cannot be recorded. %1</source>
        <translation>Progress cannot be recorded. %1</translation>
    </message>
    <message>
        <source>✔ done</source>
        <translation>✔ done</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Forget every answer and step of “%1”? This cannot be undone.</source>
        <translation>Forget every answer and step of “%1”? This cannot be undone.</translation>
    </message>
    <message>
        <source>Forget the progress of every lesson? This cannot be undone.</source>
        <translation>Forget the progress of every lesson? This cannot be undone.</translation>
    </message>
    <message>
        <source>%1 could not be written. %2</source>
        <translation>%1 could not be written. %2</translation>
    </message>
    <message>
        <source>The lesson was NOT reset: %1</source>
        <translation>The lesson was NOT reset: %1</translation>
    </message>
    <message>
        <source>The progress was NOT reset: %1</source>
        <translation>The progress was NOT reset: %1</translation>
    </message>
</context>
<context>
    <name>ProgressStore</name>
    <message>
        <source>no folder for application data is known on this system</source>
        <translation>no folder for application data is known on this system</translation>
    </message>
    <message>
        <source>the folder cannot be created</source>
        <translation>the folder cannot be created</translation>
    </message>
    <message>
        <source>the folder is read-only</source>
        <translation>the folder is read-only</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a file</source>
        <translation>&quot;%1&quot; is not a file</translation>
    </message>
    <message>
        <source>Progress cannot be saved in &quot;%1&quot; (%2). It is kept in memory and will be lost when CommitScope closes.</source>
        <translation>Progress cannot be saved in &quot;%1&quot; (%2). It is kept in memory and will be lost when CommitScope closes.</translation>
    </message>
    <message>
        <source>it was written by a newer version of CommitScope (schema %1; this version knows up to %2)</source>
        <translation>it was written by a newer version of CommitScope (schema %1; this version knows up to %2)</translation>
    </message>
    <message>
        <source>it is damaged or not a progress file: %1</source>
        <translation>it is damaged or not a progress file: %1</translation>
    </message>
    <message>
        <source>The progress file &quot;%1&quot; cannot be used (%2) and could not be moved aside (%3). Progress is kept in memory and will be lost when CommitScope closes.</source>
        <translation>The progress file &quot;%1&quot; cannot be used (%2) and could not be moved aside (%3). Progress is kept in memory and will be lost when CommitScope closes.</translation>
    </message>
    <message>
        <source>The progress file &quot;%1&quot; could not be used (%2). It was kept as &quot;%3&quot; and a new progress file was started.</source>
        <translation>The progress file &quot;%1&quot; could not be used (%2). It was kept as &quot;%3&quot; and a new progress file was started.</translation>
    </message>
    <message>
        <source>A new progress file could not be started either (%1). Progress is kept in memory and will be lost when CommitScope closes.</source>
        <translation>A new progress file could not be started either (%1). Progress is kept in memory and will be lost when CommitScope closes.</translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver (QSQLITE) is not available</source>
        <translation>Qt&apos;s SQLite driver (QSQLITE) is not available</translation>
    </message>
    <message>
        <source>The progress could not be exported: nothing to write to.</source>
        <translation>The progress could not be exported: nothing to write to.</translation>
    </message>
    <message>
        <source>The progress could not be exported: %1</source>
        <translation>The progress could not be exported: %1</translation>
    </message>
    <message>
        <source>The progress could not be exported to &quot;%1&quot;: %2</source>
        <translation>The progress could not be exported to &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>Progress cannot be recorded at all: %1</source>
        <translation>Progress cannot be recorded at all: %1</translation>
    </message>
    <message>
        <source>progress tables are missing</source>
        <translation>progress tables are missing</translation>
    </message>
    <message>
        <source>Progress could not be saved: %1</source>
        <translation>Progress could not be saved: %1</translation>
    </message>
    <message>
        <source>The progress store is not open.</source>
        <translation>The progress store is not open.</translation>
    </message>
    <message>
        <source>the progress file cannot be read: check its owner and permissions</source>
        <translation>the progress file cannot be read: check its owner and permissions</translation>
    </message>
    <message>
        <source>the progress file is read-only: check its owner and permissions</source>
        <translation>the progress file is read-only: check its owner and permissions</translation>
    </message>
    <message numerus="yes">
        <source>another CommitScope using it kept it locked for more than %n second(s)</source>
        <translation>
            <numerusform>another CommitScope using it kept it locked for more than %n second</numerusform>
            <numerusform>another CommitScope using it kept it locked for more than %n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>it holds tables this version cannot upgrade: %1</source>
        <translation>it holds tables this version cannot upgrade: %1</translation>
    </message>
    <message>
        <source>The progress file &quot;%1&quot; could not be used (%2). It was left unchanged. Progress is kept in memory and will be lost when CommitScope closes.</source>
        <translation>The progress file &quot;%1&quot; could not be used (%2). It was left unchanged. Progress is kept in memory and will be lost when CommitScope closes.</translation>
    </message>
    <message numerus="yes">
        <source>Progress could not be saved: another CommitScope window using the same progress file kept it locked for more than %n second(s).</source>
        <translation>
            <numerusform>Progress could not be saved: another CommitScope window using the same progress file kept it locked for more than %n second.</numerusform>
            <numerusform>Progress could not be saved: another CommitScope window using the same progress file kept it locked for more than %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunReport</name>
    <message>
        <source>(not shown in the window)</source>
        <translation>(not shown in the window)</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <source>CommitScope run report</source>
        <translation>CommitScope run report</translation>
    </message>
    <message>
        <source>Scenario: %1 · Protocol: %2 · Seed: %3 · Shown at %4</source>
        <translation>Scenario: %1 · Protocol: %2 · Seed: %3 · Shown at %4</translation>
    </message>
    <message>
        <source>%1: cannot write the report</source>
        <translation>%1: cannot write the report</translation>
    </message>
    <message>
        <source>Topology</source>
        <translation>Topology</translation>
    </message>
    <message>
        <source>Metrics over virtual time</source>
        <translation>Metrics over virtual time</translation>
    </message>
    <message>
        <source>Space-time diagram</source>
        <translation>Space-time diagram</translation>
    </message>
    <message>
        <source>✔ %1 holds — %2</source>
        <translation>✔ %1 holds — %2</translation>
    </message>
    <message>
        <source>✖ %1 violated — %2</source>
        <translation>✖ %1 violated — %2</translation>
    </message>
    <message>
        <source>No faults.</source>
        <translation>No faults.</translation>
    </message>
    <message>
        <source>Fault timeline</source>
        <translation>Fault timeline</translation>
    </message>
    <message>
        <source>Invariant verdicts</source>
        <translation>Invariant verdicts</translation>
    </message>
</context>
<context>
    <name>SpacetimeView</name>
    <message>
        <source>Space-time diagram</source>
        <translation>Space-time diagram</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · txn %2&lt;br&gt;%3 → %4&lt;br&gt;sent %5 ms</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · txn %2&lt;br&gt;%3 → %4&lt;br&gt;sent %5 ms</translation>
    </message>
    <message>
        <source>delivered %1 ms</source>
        <translation>delivered %1 ms</translation>
    </message>
    <message>
        <source>lost at %1 ms: %2</source>
        <translation>lost at %1 ms: %2</translation>
    </message>
    <message>
        <source>in flight</source>
        <translation>in flight</translation>
    </message>
    <message>
        <source>payload a = %1, b = %2</source>
        <translation>payload a = %1, b = %2</translation>
    </message>
    <message>
        <source>down</source>
        <translation>down</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>now %1 ms</source>
        <translation>now %1 ms</translation>
    </message>
    <message>
        <source>node</source>
        <translation>node</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>CommitScope: a laboratory for distributed transactions (two-phase commit and more).</source>
        <translation>CommitScope: a laboratory for distributed transactions (two-phase commit and more).</translation>
    </message>
    <message>
        <source>Interface language: en or zh-TW.</source>
        <translation>Interface language: en or zh-TW.</translation>
    </message>
    <message>
        <source>Start in projector mode.</source>
        <translation>Start in projector mode.</translation>
    </message>
    <message>
        <source>Open this scenario file instead of the default.</source>
        <translation>Open this scenario file instead of the default.</translation>
    </message>
    <message>
        <source>Advance the run to this virtual time (ms) before showing it.</source>
        <translation>Advance the run to this virtual time (ms) before showing it.</translation>
    </message>
    <message>
        <source>Window size, e.g. 1600x1000.</source>
        <translation>Window size, e.g. 1600x1000.</translation>
    </message>
    <message>
        <source>Override the scenario&apos;s seed.</source>
        <translation>Override the scenario&apos;s seed.</translation>
    </message>
    <message>
        <source>Keep settings in this directory instead of the user&apos;s.</source>
        <translation>Keep settings in this directory instead of the user&apos;s.</translation>
    </message>
    <message>
        <source>--lang: unknown language &quot;%1&quot; (use en or zh-TW)</source>
        <translation>--lang: unknown language &quot;%1&quot; (use en or zh-TW)</translation>
    </message>
    <message>
        <source>--at-ms: &quot;%1&quot; is not a time in milliseconds</source>
        <translation>--at-ms: &quot;%1&quot; is not a time in milliseconds</translation>
    </message>
    <message>
        <source>--size: &quot;%1&quot; is not WIDTHxHEIGHT, e.g. 1600x1000</source>
        <translation>--size: &quot;%1&quot; is not WIDTHxHEIGHT, e.g. 1600x1000</translation>
    </message>
    <message>
        <source>--seed: &quot;%1&quot; is not a non-negative integer</source>
        <translation>--seed: &quot;%1&quot; is not a non-negative integer</translation>
    </message>
    <message>
        <source>%1: cannot write the screenshot</source>
        <translation>%1: cannot write the screenshot</translation>
    </message>
    <message>
        <source>Open this lesson (a lesson id such as 07-two-phase-commit, or a lesson file).</source>
        <translation>Open this lesson (a lesson id such as 07-two-phase-commit, or a lesson file).</translation>
    </message>
    <message>
        <source>Go to this step of the lesson (1 = first), completing the steps before it.</source>
        <translation>Go to this step of the lesson (1 = first), completing the steps before it.</translation>
    </message>
    <message>
        <source>Start in teacher mode.</source>
        <translation>Start in teacher mode.</translation>
    </message>
    <message>
        <source>Read the lesson list from this directory instead of the bundled lessons.</source>
        <translation>Read the lesson list from this directory instead of the bundled lessons.</translation>
    </message>
    <message>
        <source>--lesson-step: &quot;%1&quot; is not a step number (1 or more)</source>
        <translation>--lesson-step: &quot;%1&quot; is not a step number (1 or more)</translation>
    </message>
    <message>
        <source>--lesson-step needs --lesson</source>
        <translation>--lesson-step needs --lesson</translation>
    </message>
    <message>
        <source>--seed: &quot;%1&quot; is too large; the largest seed is %2</source>
        <translation>--seed: &quot;%1&quot; is too large; the largest seed is %2</translation>
    </message>
    <message>
        <source>Open File &gt; Compare protocols with these protocols (comma-separated, 2 to 4), e.g. 2pc,saga-orchestration; a --screenshot is then of that window.</source>
        <translation>Open File &gt; Compare protocols with these protocols (comma-separated, 2 to 4), e.g. 2pc,saga-orchestration; a --screenshot is then of that window.</translation>
    </message>
    <message>
        <source>--compare: %1</source>
        <translation>--compare: %1</translation>
    </message>
    <message>
        <source>Render the window offscreen to a file and exit: PNG, or SVG or PDF (text stays text) by the extension .svg or .pdf.</source>
        <translation>Render the window offscreen to a file and exit: PNG, or SVG or PDF (text stays text) by the extension .svg or .pdf.</translation>
    </message>
</context>
<context>
    <name>StateMachineView</name>
    <message>
        <source>State machine of the selected node</source>
        <translation>State machine of the selected node</translation>
    </message>
    <message>
        <source>%1 state machine</source>
        <translation>%1 state machine</translation>
    </message>
    <message>
        <source>DOWN</source>
        <translation>DOWN</translation>
    </message>
    <message>
        <source>No transition yet</source>
        <translation>No transition yet</translation>
    </message>
    <message>
        <source>Entered %1 for txn %2 at %3 ms</source>
        <translation>Entered %1 for txn %2 at %3 ms</translation>
    </message>
    <message>
        <source>Last transition: %1 → %2 (txn %3) at %4 ms</source>
        <translation>Last transition: %1 → %2 (txn %3) at %4 ms</translation>
    </message>
    <message>
        <source>showing the state at the crash</source>
        <translation>showing the state at the crash</translation>
    </message>
    <message numerus="yes">
        <source>Durable log — %n record(s), survives crashes</source>
        <translation>
            <numerusform>Durable log — %n record, survives crashes</numerusform>
            <numerusform>Durable log — %n records, survives crashes</numerusform>
        </translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>Time (ms)</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Txn</source>
        <translation>Txn</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message numerus="yes">
        <source>… %n earlier record(s)</source>
        <translation>
            <numerusform>… %n earlier record</numerusform>
            <numerusform>… %n earlier records</numerusform>
        </translation>
    </message>
    <message>
        <source>empty</source>
        <translation>empty</translation>
    </message>
    <message numerus="yes">
        <source>Locks — %n held</source>
        <translation>
            <numerusform>Locks — %n held</numerusform>
            <numerusform>Locks — %n held</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>none: locks live in memory and were lost</source>
        <translation>none: locks live in memory and were lost</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Resource</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Holder</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 or %2</translation>
    </message>
    <message>
        <source>%1 → %2 · txn %3 · %4 ms</source>
        <translation>%1 → %2 · txn %3 · %4 ms</translation>
    </message>
    <message>
        <source>This role has no protocol states; its durable log shows what it did.</source>
        <translation>This role has no protocol states; its durable log shows what it did.</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) hidden</source>
        <comment>arrow labels with no room; each is its arrow&apos;s tooltip</comment>
        <translation>
            <numerusform>%n label hidden</numerusform>
            <numerusform>%n labels hidden</numerusform>
        </translation>
    </message>
    <message>
        <source>Point at an arrow to read its label.</source>
        <translation>Point at an arrow to read its label.</translation>
    </message>
    <message>
        <source>ms</source>
        <comment>the log&apos;s time column, when the column is narrow</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineBar</name>
    <message>
        <source>Pause (Space)</source>
        <translation>Pause (Space)</translation>
    </message>
    <message>
        <source>Play (Space): run the protocol in virtual time</source>
        <translation>Play (Space): run the protocol in virtual time</translation>
    </message>
    <message>
        <source>%1 / %2 ms</source>
        <extracomment>Current virtual time / end of the run, in milliseconds.</extracomment>
        <translation>%1 / %2 ms</translation>
    </message>
    <message>
        <source>%1×</source>
        <extracomment>Playback speed factor, e.g. &quot;2.5×&quot;.</extracomment>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Restart with the same seed (Home): the run replays identically</source>
        <translation>Restart with the same seed (Home): the run replays identically</translation>
    </message>
    <message>
        <source>Step back one event (Left), by replaying the run deterministically</source>
        <translation>Step back one event (Left), by replaying the run deterministically</translation>
    </message>
    <message>
        <source>Step forward to the next event (Right)</source>
        <translation>Step forward to the next event (Right)</translation>
    </message>
    <message>
        <source>Re-roll seed</source>
        <translation>Re-roll seed</translation>
    </message>
    <message>
        <source>Pick a new random seed (Ctrl+R): different latencies and losses, same faults</source>
        <translation>Pick a new random seed (Ctrl+R): different latencies and losses, same faults</translation>
    </message>
    <message>
        <source>Drag to scrub through virtual time. Red triangles: faults; green: commit decisions; orange: abort decisions.</source>
        <translation>Drag to scrub through virtual time. Red triangles: faults; green: commit decisions; orange: abort decisions.</translation>
    </message>
    <message>
        <source>Current virtual time / end of the run</source>
        <translation>Current virtual time / end of the run</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Speed</translation>
    </message>
    <message>
        <source>Playback speed, 0.1× to 10×. At 1×, 20 ms of virtual time pass per second.</source>
        <translation>Playback speed, 0.1× to 10×. At 1×, 20 ms of virtual time pass per second.</translation>
    </message>
</context>
</TS>
