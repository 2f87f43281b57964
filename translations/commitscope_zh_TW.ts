<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>CanvasLegend</name>
    <message>
        <source>Messages</source>
        <translation>訊息</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>還有 %1 項</translation>
    </message>
    <message>
        <source>request</source>
        <translation>請求</translation>
    </message>
    <message>
        <source>yes vote</source>
        <translation>贊成票</translation>
    </message>
    <message>
        <source>no vote</source>
        <translation>反對票</translation>
    </message>
    <message>
        <source>pre-decision</source>
        <translation>預先決定</translation>
    </message>
    <message>
        <source>commit decision</source>
        <translation>提交決定</translation>
    </message>
    <message>
        <source>abort decision</source>
        <translation>中止決定</translation>
    </message>
    <message>
        <source>acknowledgement</source>
        <translation>確認回覆</translation>
    </message>
    <message>
        <source>recovery</source>
        <translation>復原</translation>
    </message>
    <message>
        <source>compensation</source>
        <translation>補償</translation>
    </message>
    <message>
        <source>replication</source>
        <translation>複寫</translation>
    </message>
    <message>
        <source>election</source>
        <translation>選舉</translation>
    </message>
    <message>
        <source>success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failure</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>event</source>
        <translation>事件</translation>
    </message>
</context>
<context>
    <name>CanvasToast</name>
    <message>
        <source>Undo</source>
        <translation>復原</translation>
    </message>
    <message>
        <source>Undo this fault (Ctrl+Z)</source>
        <translation>復原這個故障（Ctrl+Z）</translation>
    </message>
</context>
<context>
    <name>CanvasView</name>
    <message>
        <source>Topology canvas</source>
        <translation>拓撲畫布</translation>
    </message>
    <message>
        <source>txn %1</source>
        <translation>交易 %1</translation>
    </message>
    <message>
        <source>%1 (%2): %3. Click to select, drag to move, right-click to crash or restart.</source>
        <translation>%1（%2）：%3。點一下選取，拖曳可移動，按右鍵可讓它當機或重新啟動。</translation>
    </message>
    <message>
        <source>down</source>
        <translation>當機</translation>
    </message>
    <message>
        <source>Side %1</source>
        <translation>%1 側</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · txn %2&lt;br&gt;%3 → %4&lt;br&gt;sent %5 ms, arrives %6 ms&lt;br&gt;payload a = %7, b = %8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · 交易 %2&lt;br&gt;%3 → %4&lt;br&gt;%5 毫秒送出，%6 毫秒抵達&lt;br&gt;酬載 a = %7，b = %8</translation>
    </message>
    <message>
        <source>network duplicate of message #%1</source>
        <translation>網路複製出的訊息（原為 #%1）</translation>
    </message>
    <message>
        <source>will be lost: %1</source>
        <translation>將會遺失：%1</translation>
    </message>
    <message>
        <source>Crash %1</source>
        <translation>讓 %1 當機</translation>
    </message>
    <message>
        <source>Restart %1</source>
        <translation>重新啟動 %1</translation>
    </message>
    <message>
        <source>Drop next message to…</source>
        <translation>丟棄下一則送往…的訊息</translation>
    </message>
    <message>
        <source>Duplicate next message to…</source>
        <translation>複製下一則送往…的訊息</translation>
    </message>
    <message>
        <source>Cut all links of %1</source>
        <translation>切斷 %1 的所有連結</translation>
    </message>
    <message>
        <source>Heal all links of %1</source>
        <translation>修復 %1 的所有連結</translation>
    </message>
    <message>
        <source>Heal the partition</source>
        <translation>修復分區</translation>
    </message>
    <message>
        <source>Show details of %1</source>
        <translation>顯示 %1 的詳細資訊</translation>
    </message>
    <message>
        <source>Link %1 – %2</source>
        <translation>%1 – %2 的連結</translation>
    </message>
    <message>
        <source>Cut link</source>
        <translation>切斷連結</translation>
    </message>
    <message>
        <source>Heal link</source>
        <translation>修復連結</translation>
    </message>
    <message>
        <source>Drop next message on this link</source>
        <translation>丟棄這條連結上的下一則訊息</translation>
    </message>
    <message>
        <source>Duplicate next message on this link</source>
        <translation>複製這條連結上的下一則訊息</translation>
    </message>
    <message>
        <source>Release to put the encircled nodes on one side of a partition</source>
        <translation>放開滑鼠，圈起來的節點就會成為分區的一側</translation>
    </message>
    <message>
        <source>t = %1 ms</source>
        <translation>t = %1 毫秒</translation>
    </message>
    <message>
        <source>cut link</source>
        <translation>已切斷的連結</translation>
    </message>
    <message>
        <source>message that will be lost</source>
        <translation>將會遺失的訊息</translation>
    </message>
    <message>
        <source>crashed node</source>
        <translation>當機的節點</translation>
    </message>
    <message>
        <source>Link %1 – %2 is cut. Double-click to heal it.</source>
        <translation>%1 – %2 的連結已切斷。按兩下即可修復。</translation>
    </message>
    <message>
        <source>Link %1 – %2. Double-click to cut it; right-click for more faults.</source>
        <translation>%1 – %2 的連結。按兩下可切斷；按右鍵有更多故障。</translation>
    </message>
    <message>
        <source>Link %1 – %2 cut</source>
        <translation>已切斷 %1 – %2 的連結</translation>
    </message>
    <message>
        <source>Double-click a link to cut or heal it · right-click a node or link for faults · Shift+drag around nodes to partition</source>
        <translation>按兩下連結可切斷或修復 · 在節點或連結上按右鍵注入故障 · 按住 Shift 拖曳圈選節點即可分區</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare protocols</source>
        <translation>比較協定</translation>
    </message>
    <message>
        <source>Run this scenario&apos;s workload and faults against 2 to 4 protocols side by side. A fault on the coordinating node or on worker k applies to the matching node of every protocol.</source>
        <translation>以並排方式，用 2 到 4 個協定執行這個情境的工作負載與故障。發生在協調節點或第 k 個工作節點上的故障，會套用到每個協定中對應的節點。</translation>
    </message>
</context>
<context>
    <name>CompareLab</name>
    <message>
        <source>Choose 2 to 4 protocols to compare.</source>
        <translation>請選擇 2 到 4 個協定來比較。</translation>
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
        <translation>%1（%2 毫秒）</translation>
    </message>
    <message>
        <source>all %1 held</source>
        <translation>%1 項全部成立</translation>
    </message>
    <message>
        <source>violated: %1</source>
        <translation>違反：%1</translation>
    </message>
    <message>
        <source>Committed %1 · locks held %2 ms · blocked %3 ms · compensations %4</source>
        <translation>已提交 %1 · 持有鎖 %2 毫秒 · 阻塞 %3 毫秒 · 補償 %4 次</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暫停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>now</source>
        <translation>現在</translation>
    </message>
    <message>
        <source>Committed / started</source>
        <translation>已提交 / 已開始</translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation>已中止</translation>
    </message>
    <message>
        <source>Throughput (txn/s)</source>
        <translation>吞吐量（交易/秒）</translation>
    </message>
    <message>
        <source>Latency, mean (ms)</source>
        <translation>延遲，平均（毫秒）</translation>
    </message>
    <message>
        <source>Latency, p99 (ms)</source>
        <translation>延遲，p99（毫秒）</translation>
    </message>
    <message>
        <source>Locks/reservations held (ms)</source>
        <translation>持有鎖／預留的時間（毫秒）</translation>
    </message>
    <message>
        <source>Time blocked (ms)</source>
        <translation>阻塞時間（毫秒）</translation>
    </message>
    <message>
        <source>Compensations</source>
        <translation>補償</translation>
    </message>
    <message>
        <source>Inconsistency windows</source>
        <translation>不一致窗口</translation>
    </message>
    <message>
        <source>Invariants</source>
        <translation>不變量</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Inconsistency windows (ms)</source>
        <translation>不一致窗口（毫秒）</translation>
    </message>
    <message>
        <source>Compare protocols — CommitScope</source>
        <translation>比較協定 — CommitScope</translation>
    </message>
    <message>
        <source>Undo fault</source>
        <translation>復原故障</translation>
    </message>
    <message>
        <source>Undo the last fault in every pane</source>
        <translation>在每個窗格復原最後一個故障</translation>
    </message>
    <message>
        <source>Redo fault</source>
        <translation>重做故障</translation>
    </message>
    <message>
        <source>Play or pause every pane on one clock</source>
        <translation>以同一個時鐘播放或暫停所有窗格</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>圖表：</translation>
    </message>
    <message>
        <source>virtual time (ms)</source>
        <translation>虛擬時間（毫秒）</translation>
    </message>
    <message>
        <source>Committed %1 · held %2 ms · blocked %3 ms</source>
        <translation>已提交 %1 · 持有鎖 %2 毫秒 · 阻塞 %3 毫秒</translation>
    </message>
    <message>
        <source>Panes</source>
        <translation>並排畫面</translation>
    </message>
    <message>
        <source>Show the protocols side by side (Ctrl+1)</source>
        <translation>並排顯示各協定（Ctrl+1）</translation>
    </message>
    <message>
        <source>Table and chart</source>
        <translation>比較表與圖表</translation>
    </message>
    <message>
        <source>Show the comparison table and the chart (Ctrl+2)</source>
        <translation>顯示比較表與圖表（Ctrl+2）</translation>
    </message>
</context>
<context>
    <name>DropNotice</name>
    <message>
        <source>Showing the last %1 of %2 events</source>
        <translation>只顯示最後 %1 筆事件，共 %2 筆</translation>
    </message>
    <message>
        <source>Log: the last %1 of %2 records (finished transactions forgotten)</source>
        <translation>持久日誌：只列出最後 %1 筆紀錄，共 %2 筆（已結束的交易不再保留）</translation>
    </message>
</context>
<context>
    <name>EngineCompareRefusal</name>
    <message>
        <source>unknown protocol &quot;%1&quot;</source>
        <translation>未知的協定「%1」</translation>
    </message>
    <message>
        <source>its parameters are not valid (%1)</source>
        <translation>參數不正確（%1）</translation>
    </message>
    <message>
        <source>it is not a protocol</source>
        <translation>這不是一個協定</translation>
    </message>
    <message>
        <source>it has no transaction workload</source>
        <translation>它沒有交易工作負載</translation>
    </message>
    <message>
        <source>%1 has no transaction workload to compare</source>
        <translation>%1 沒有可以比較的交易工作負載</translation>
    </message>
    <message>
        <source>random abort votes (abort_probability) have no common form</source>
        <translation>隨機的中止投票（abort_probability）沒有共通的寫法</translation>
    </message>
    <message>
        <source>random saga failures (fail_probability below 1) have no common form</source>
        <translation>隨機的 Saga 失敗（fail_probability 小於 1）沒有共通的寫法</translation>
    </message>
    <message>
        <source>a step that times out (fail_mode &quot;timeout&quot;) is not a refusal</source>
        <translation>逾時的步驟（fail_mode 為 &quot;timeout&quot;）不算是拒絕</translation>
    </message>
    <message>
        <source>the capacity at %1 (%2) runs out part-way through the workload, which has no common form</source>
        <translation>%1 的容量（%2）會在工作負載進行到一半時用完，這沒有共通的寫法</translation>
    </message>
    <message>
        <source>%1 has exactly %2 worker node(s) (%3); the file has %4</source>
        <translation>%1 剛好有 %2 個工作節點（%3）；檔案裡有 %4 個</translation>
    </message>
    <message>
        <source>%1 has %2 to %3 worker nodes (%4); the file has %5</source>
        <translation>%1 有 %2 到 %3 個工作節點（%4）；檔案裡有 %5 個</translation>
    </message>
    <message>
        <source>%1 has no way for a worker to refuse a transaction; the file has worker %2 (%3) refusing</source>
        <translation>%1 沒有辦法讓工作節點拒絕交易；檔案裡有工作節點 %2（%3）拒絕</translation>
    </message>
    <message>
        <source>%1 cannot make worker %2 (%3) refuse only some transactions: a service refuses once its capacity is gone</source>
        <translation>%1 無法讓工作節點 %2（%3）只拒絕部分交易：服務要等容量用完才會拒絕</translation>
    </message>
    <message>
        <source>%1 fails a saga at one step only; the file has worker %2 (%3) and worker %4 (%5) refusing different transactions</source>
        <translation>%1 的 Saga 只能在一個步驟失敗；檔案裡工作節點 %2（%3）和工作節點 %4（%5）拒絕的是不同的交易</translation>
    </message>
    <message>
        <source>fault %1 (%2) acts on the coordinating node %3, and %4 has none</source>
        <translation>故障 %1（%2）作用在協調節點 %3 上，而 %4 沒有協調節點</translation>
    </message>
    <message>
        <source>fault %1 (%2) names %3, which has no counterpart in %4 (only the coordinating node and the workers are matched)</source>
        <translation>故障 %1（%2）指定了 %3，它在 %4 裡沒有對應的節點（只有協調節點和工作節點能對應）</translation>
    </message>
    <message>
        <source>fault %1 (%2) waits for event #%3 of this protocol&apos;s own run, which %4 does not have; give it a time (&quot;at_ms&quot;) instead</source>
        <translation>故障 %1（%2）要等這個協定自己執行的第 %3 個事件，%4 沒有這個事件；請改用時間（&quot;at_ms&quot;）</translation>
    </message>
    <message>
        <source>fault %1 (%2) waits for the state %3, which %4 does not have (nor one state of the same kind at that node)</source>
        <translation>故障 %1（%2）要等狀態 %3，%4 沒有這個狀態（那個節點也沒有唯一一個同類的狀態）</translation>
    </message>
    <message>
        <source>fault %1 (%2) waits for the message %3, which %4 does not send</source>
        <translation>故障 %1（%2）要等訊息 %3，%4 不會送出這種訊息</translation>
    </message>
    <message>
        <source>%1 cannot run this scenario: %2</source>
        <translation>%1 無法執行這個情境：%2</translation>
    </message>
</context>
<context>
    <name>EngineDrop</name>
    <message>
        <source>not dropped</source>
        <translation>未遺失</translation>
    </message>
    <message>
        <source>lost by the network</source>
        <translation>被網路遺失</translation>
    </message>
    <message>
        <source>link cut</source>
        <translation>連結已切斷</translation>
    </message>
    <message>
        <source>across the partition</source>
        <translation>跨越分區</translation>
    </message>
    <message>
        <source>receiver crashed</source>
        <translation>接收端已當機</translation>
    </message>
    <message>
        <source>dropped on purpose</source>
        <translation>刻意丟棄</translation>
    </message>
</context>
<context>
    <name>EngineFault</name>
    <message>
        <source>crash</source>
        <translation>當機</translation>
    </message>
    <message>
        <source>restart</source>
        <translation>重新啟動</translation>
    </message>
    <message>
        <source>cut link</source>
        <translation>切斷連結</translation>
    </message>
    <message>
        <source>heal link</source>
        <translation>修復連結</translation>
    </message>
    <message>
        <source>heal all</source>
        <translation>全部修復</translation>
    </message>
    <message>
        <source>partition</source>
        <translation>分區</translation>
    </message>
    <message>
        <source>heal partition</source>
        <translation>修復分區</translation>
    </message>
    <message>
        <source>drop next message</source>
        <translation>丟棄下一則訊息</translation>
    </message>
    <message>
        <source>duplicate next message</source>
        <translation>複製下一則訊息</translation>
    </message>
    <message>
        <source>network settings</source>
        <translation>網路設定</translation>
    </message>
</context>
<context>
    <name>EngineHalt</name>
    <message>
        <source>the trace limit (4,000,000 records)</source>
        <translation>追蹤紀錄上限（4,000,000 筆）</translation>
    </message>
    <message>
        <source>the event queue limit (1,000,000 pending events)</source>
        <translation>事件佇列上限（1,000,000 個待處理事件）</translation>
    </message>
    <message>
        <source>the memory limit (512 MiB)</source>
        <translation>記憶體上限（512 MiB）</translation>
    </message>
</context>
<context>
    <name>EngineInvariant</name>
    <message>
        <source>Agreement</source>
        <translation>一致性（agreement）</translation>
    </message>
    <message>
        <source>Commit validity</source>
        <translation>提交有效性（commit validity）</translation>
    </message>
    <message>
        <source>Commit once</source>
        <translation>只提交一次（commit once）</translation>
    </message>
    <message>
        <source>No two nodes decide differently for a transaction, and no node changes its decision.</source>
        <translation>同一筆交易不會有兩個節點做出不同決定，任何節點也不會改變已做出的決定。</translation>
    </message>
    <message>
        <source>Nobody commits unless every participant voted to commit.</source>
        <translation>除非每個參與者都投票提交，否則沒有節點會提交。</translation>
    </message>
    <message>
        <source>A node applies a transaction&apos;s commit at most once.</source>
        <translation>每個節點對一筆交易的提交最多只套用一次。</translation>
    </message>
    <message>
        <source>All or compensated</source>
        <translation>全部完成或全部補償</translation>
    </message>
    <message>
        <source>Compensation order</source>
        <translation>補償順序</translation>
    </message>
    <message>
        <source>Exactly-once effect</source>
        <translation>效果恰好一次</translation>
    </message>
    <message>
        <source>Effect after commit</source>
        <translation>提交後才有效果</translation>
    </message>
    <message>
        <source>Linearizable</source>
        <translation>線性一致（linearizable）</translation>
    </message>
    <message>
        <source>No stale read</source>
        <translation>不讀過時資料</translation>
    </message>
    <message>
        <source>One primary per term</source>
        <translation>每個任期一個主節點</translation>
    </message>
    <message>
        <source>When a saga ends, either all its steps applied, or every step that applied was compensated.</source>
        <translation>Saga 結束時，要嘛所有步驟都已套用，要嘛每個已套用的步驟都已補償。</translation>
    </message>
    <message>
        <source>Steps are compensated in reverse order.</source>
        <translation>步驟依相反順序補償。</translation>
    </message>
    <message>
        <source>Every effect is applied exactly once: duplicates change nothing and nothing is lost.</source>
        <translation>每個效果恰好套用一次：重複的訊息不會改變任何事，也不會有遺失。</translation>
    </message>
    <message>
        <source>An event&apos;s effect is applied only for a transaction its source committed.</source>
        <translation>只有來源端已提交的交易，其事件效果才會被套用。</translation>
    </message>
    <message>
        <source>Every completed read and write fits one sequential order that respects real time.</source>
        <translation>所有已完成的讀寫都能排成一個符合真實時間先後的順序。</translation>
    </message>
    <message>
        <source>No read misses a write that had completed before the read started.</source>
        <translation>讀取不會漏掉在它開始之前就已完成的寫入。</translation>
    </message>
    <message>
        <source>At most one primary per term has its writes accepted (no split-brain writes).</source>
        <translation>每個任期最多只有一個主節點的寫入會被接受（不會有腦裂寫入）。</translation>
    </message>
    <message>
        <source>No dirty read</source>
        <translation>無髒讀（no dirty read）</translation>
    </message>
    <message>
        <source>No lost update</source>
        <translation>無遺失更新（no lost update）</translation>
    </message>
    <message>
        <source>All or nothing</source>
        <translation>全有或全無（all or nothing）</translation>
    </message>
    <message>
        <source>Confirm once</source>
        <translation>只確認一次（confirm once）</translation>
    </message>
    <message>
        <source>Confirm or cancel, never both</source>
        <translation>確認或取消，不會兩者皆有</translation>
    </message>
    <message>
        <source>Conservation of stock</source>
        <translation>庫存守恆（conservation）</translation>
    </message>
    <message>
        <source>No acknowledged write is discarded unless a later write that saw it replaced it.</source>
        <translation>已確認的寫入不會被丟棄，除非之後有看過它的寫入取代了它。</translation>
    </message>
    <message>
        <source>No saga reads a value that includes another saga&apos;s unfinished step which is later compensated.</source>
        <translation>Saga 不會讀到包含另一個 Saga 尚未完成、之後又被補償之步驟的值。</translation>
    </message>
    <message>
        <source>No transaction is confirmed at one service and cancelled, expired or rejected at another.</source>
        <translation>不會有交易在一個服務被確認，卻在另一個服務被取消、過期或拒絕。</translation>
    </message>
    <message>
        <source>Each service applies a transaction&apos;s confirm at most once.</source>
        <translation>每個服務對一筆交易的確認最多只套用一次。</translation>
    </message>
    <message>
        <source>No service both confirms and cancels (or expires) one transaction.</source>
        <translation>沒有服務會對同一筆交易既確認又取消（或過期）。</translation>
    </message>
    <message>
        <source>At every service, available + frozen + consumed equals the capacity; nothing is released twice.</source>
        <translation>每個服務的可用量 + 凍結量 + 已消耗量都等於容量；沒有任何東西被釋放兩次。</translation>
    </message>
    <message>
        <source>One value per Paxos instance</source>
        <translation>每個 Paxos 實例只選定一個值</translation>
    </message>
    <message>
        <source>Each RM&apos;s Paxos instance chooses at most one value (prepared or aborted).</source>
        <translation>每個資源管理者的 Paxos 實例最多只選定一個值（已準備或已中止）。</translation>
    </message>
</context>
<context>
    <name>EngineLog</name>
    <message>
        <source>BEGIN</source>
        <translation>BEGIN（開始）</translation>
    </message>
    <message>
        <source>READY</source>
        <translation>READY（就緒）</translation>
    </message>
    <message>
        <source>COMMIT</source>
        <translation>COMMIT（提交）</translation>
    </message>
    <message>
        <source>ABORT</source>
        <translation>ABORT（中止）</translation>
    </message>
    <message>
        <source>END</source>
        <translation>END（結束）</translation>
    </message>
    <message>
        <source>PRECOMMIT</source>
        <translation>PRECOMMIT（預提交）</translation>
    </message>
    <message>
        <source>SAGA_BEGIN</source>
        <translation>SAGA_BEGIN（Saga 開始）</translation>
    </message>
    <message>
        <source>STEP_DONE</source>
        <translation>STEP_DONE（步驟完成）</translation>
    </message>
    <message>
        <source>COMPENSATING</source>
        <translation>COMPENSATING（補償中）</translation>
    </message>
    <message>
        <source>STEP_COMPENSATED</source>
        <translation>STEP_COMPENSATED（步驟已補償）</translation>
    </message>
    <message>
        <source>SAGA_COMPLETED</source>
        <translation>SAGA_COMPLETED（Saga 完成）</translation>
    </message>
    <message>
        <source>SAGA_COMPENSATED</source>
        <translation>SAGA_COMPENSATED（Saga 已補償）</translation>
    </message>
    <message>
        <source>APPLIED</source>
        <translation>APPLIED（已套用）</translation>
    </message>
    <message>
        <source>REJECTED</source>
        <translation>REJECTED（已拒絕）</translation>
    </message>
    <message>
        <source>COMPENSATED</source>
        <translation>COMPENSATED（已補償）</translation>
    </message>
    <message>
        <source>FINALIZED</source>
        <translation>FINALIZED（已結案）</translation>
    </message>
    <message>
        <source>EVENT_STORED</source>
        <translation>EVENT_STORED（事件已儲存）</translation>
    </message>
    <message>
        <source>EVENT_ACKED</source>
        <translation>EVENT_ACKED（事件已確認）</translation>
    </message>
    <message>
        <source>PROCESSED</source>
        <translation>PROCESSED（已處理）</translation>
    </message>
    <message>
        <source>ORDER_APPROVED</source>
        <translation>ORDER_APPROVED（訂單已核准）</translation>
    </message>
    <message>
        <source>EVENT_OUT</source>
        <translation>EVENT_OUT（事件待送）</translation>
    </message>
    <message>
        <source>EVENT_PUBLISHED</source>
        <translation>EVENT_PUBLISHED（事件已發布）</translation>
    </message>
    <message>
        <source>ORDER</source>
        <translation>ORDER（訂單）</translation>
    </message>
    <message>
        <source>OUTBOX</source>
        <translation>OUTBOX（發件箱）</translation>
    </message>
    <message>
        <source>OUTBOX_SENT</source>
        <translation>OUTBOX_SENT（發件箱已送出）</translation>
    </message>
    <message>
        <source>STORED</source>
        <translation>STORED（已儲存）</translation>
    </message>
    <message>
        <source>CLOCK</source>
        <translation>CLOCK（時鐘）</translation>
    </message>
    <message>
        <source>TERM</source>
        <translation>TERM（任期）</translation>
    </message>
    <message>
        <source>VOTE</source>
        <translation>VOTE（投票）</translation>
    </message>
    <message>
        <source>ACCEPT</source>
        <translation>ACCEPT（接受）</translation>
    </message>
    <message>
        <source>REPLICA</source>
        <translation>REPLICA（複本）</translation>
    </message>
    <message>
        <source>TRY</source>
        <translation>TRY（嘗試，凍結）</translation>
    </message>
    <message>
        <source>REJECT</source>
        <translation>REJECT（拒絕）</translation>
    </message>
    <message>
        <source>CONFIRM</source>
        <translation>CONFIRM（確認）</translation>
    </message>
    <message>
        <source>CANCEL</source>
        <translation>CANCEL（取消）</translation>
    </message>
    <message>
        <source>EMPTY_CANCEL</source>
        <translation>EMPTY_CANCEL（空回滾）</translation>
    </message>
    <message>
        <source>EXPIRE</source>
        <translation>EXPIRE（預留到期）</translation>
    </message>
    <message>
        <source>PREPARED</source>
        <translation>PREPARED（已準備）</translation>
    </message>
    <message>
        <source>PROMISED</source>
        <translation>PROMISED（已承諾）</translation>
    </message>
    <message>
        <source>ACCEPTED</source>
        <translation>ACCEPTED（已接受）</translation>
    </message>
    <message>
        <source>TOKEN</source>
        <translation>TOKEN（權杖）</translation>
    </message>
    <message>
        <source>SNAPSHOT</source>
        <translation>SNAPSHOT（快照）</translation>
    </message>
    <message>
        <source>HEURISTIC_ABORT</source>
        <translation>HEURISTIC_ABORT（啟發式中止）</translation>
    </message>
</context>
<context>
    <name>EngineMessage</name>
    <message>
        <source>PREPARE</source>
        <translation>PREPARE（準備）</translation>
    </message>
    <message>
        <source>VOTE_COMMIT</source>
        <translation>VOTE_COMMIT（投票提交）</translation>
    </message>
    <message>
        <source>VOTE_ABORT</source>
        <translation>VOTE_ABORT（投票中止）</translation>
    </message>
    <message>
        <source>GLOBAL_COMMIT</source>
        <translation>GLOBAL_COMMIT（全域提交）</translation>
    </message>
    <message>
        <source>GLOBAL_ABORT</source>
        <translation>GLOBAL_ABORT（全域中止）</translation>
    </message>
    <message>
        <source>ACK</source>
        <translation>ACK（確認）</translation>
    </message>
    <message>
        <source>DECISION_REQUEST</source>
        <translation>DECISION_REQUEST（詢問決定）</translation>
    </message>
    <message>
        <source>PRECOMMIT</source>
        <translation>PRECOMMIT（預提交）</translation>
    </message>
    <message>
        <source>CAN_COMMIT</source>
        <translation>CAN_COMMIT（可否提交）</translation>
    </message>
    <message>
        <source>ACK_PRECOMMIT</source>
        <translation>ACK_PRECOMMIT（確認預提交）</translation>
    </message>
    <message>
        <source>STATE_REQUEST</source>
        <translation>STATE_REQUEST（詢問狀態）</translation>
    </message>
    <message>
        <source>STATE_REPLY</source>
        <translation>STATE_REPLY（回覆狀態）</translation>
    </message>
    <message>
        <source>CREATE_ORDER</source>
        <translation>CREATE_ORDER（建立訂單）</translation>
    </message>
    <message>
        <source>CHARGE</source>
        <translation>CHARGE（扣款）</translation>
    </message>
    <message>
        <source>RESERVE_STOCK</source>
        <translation>RESERVE_STOCK（預留庫存）</translation>
    </message>
    <message>
        <source>SHIP</source>
        <translation>SHIP（出貨）</translation>
    </message>
    <message>
        <source>ORDER_CREATED</source>
        <translation>ORDER_CREATED（訂單已建立）</translation>
    </message>
    <message>
        <source>CHARGED</source>
        <translation>CHARGED（已扣款）</translation>
    </message>
    <message>
        <source>STOCK_RESERVED</source>
        <translation>STOCK_RESERVED（庫存已保留）</translation>
    </message>
    <message>
        <source>SHIPPED</source>
        <translation>SHIPPED（已出貨）</translation>
    </message>
    <message>
        <source>ORDER_REJECTED</source>
        <translation>ORDER_REJECTED（訂單被拒）</translation>
    </message>
    <message>
        <source>CHARGE_FAILED</source>
        <translation>CHARGE_FAILED（扣款失敗）</translation>
    </message>
    <message>
        <source>STOCK_UNAVAILABLE</source>
        <translation>STOCK_UNAVAILABLE（庫存不足）</translation>
    </message>
    <message>
        <source>SHIP_FAILED</source>
        <translation>SHIP_FAILED（出貨失敗）</translation>
    </message>
    <message>
        <source>CANCEL_ORDER</source>
        <translation>CANCEL_ORDER（取消訂單）</translation>
    </message>
    <message>
        <source>REFUND</source>
        <translation>REFUND（退款）</translation>
    </message>
    <message>
        <source>RELEASE_STOCK</source>
        <translation>RELEASE_STOCK（釋放庫存）</translation>
    </message>
    <message>
        <source>CANCEL_SHIPMENT</source>
        <translation>CANCEL_SHIPMENT（取消出貨）</translation>
    </message>
    <message>
        <source>ORDER_CANCELLED</source>
        <translation>ORDER_CANCELLED（訂單已取消）</translation>
    </message>
    <message>
        <source>REFUNDED</source>
        <translation>REFUNDED（已退款）</translation>
    </message>
    <message>
        <source>STOCK_RELEASED</source>
        <translation>STOCK_RELEASED（庫存已釋放）</translation>
    </message>
    <message>
        <source>SHIPMENT_CANCELLED</source>
        <translation>SHIPMENT_CANCELLED（出貨已取消）</translation>
    </message>
    <message>
        <source>COMPENSATION_FAILED</source>
        <translation>COMPENSATION_FAILED（補償失敗）</translation>
    </message>
    <message>
        <source>FINALIZE</source>
        <translation>FINALIZE（結案）</translation>
    </message>
    <message>
        <source>FINALIZED</source>
        <translation>FINALIZED（已結案）</translation>
    </message>
    <message>
        <source>PAYMENT_CHARGED</source>
        <translation>PAYMENT_CHARGED（付款已扣款）</translation>
    </message>
    <message>
        <source>PAYMENT_FAILED</source>
        <translation>PAYMENT_FAILED（付款失敗）</translation>
    </message>
    <message>
        <source>SHIPPING_FAILED</source>
        <translation>SHIPPING_FAILED（出貨失敗）</translation>
    </message>
    <message>
        <source>PAYMENT_REFUNDED</source>
        <translation>PAYMENT_REFUNDED（付款已退款）</translation>
    </message>
    <message>
        <source>PUBLISH_ACK</source>
        <translation>PUBLISH_ACK（發布確認）</translation>
    </message>
    <message>
        <source>DELIVERY_ACK</source>
        <translation>DELIVERY_ACK（遞送確認）</translation>
    </message>
    <message>
        <source>POLL</source>
        <translation>POLL（輪詢）</translation>
    </message>
    <message>
        <source>OUTBOX_ROWS</source>
        <translation>OUTBOX_ROWS（發件箱資料列）</translation>
    </message>
    <message>
        <source>PUBLISH</source>
        <translation>PUBLISH（發布）</translation>
    </message>
    <message>
        <source>MARK_SENT</source>
        <translation>MARK_SENT（標記已送出）</translation>
    </message>
    <message>
        <source>DELIVER</source>
        <translation>DELIVER（遞送）</translation>
    </message>
    <message>
        <source>READ</source>
        <translation>READ（讀取）</translation>
    </message>
    <message>
        <source>WRITE</source>
        <translation>WRITE（寫入）</translation>
    </message>
    <message>
        <source>READ_OK</source>
        <translation>READ_OK（讀取成功）</translation>
    </message>
    <message>
        <source>WRITE_OK</source>
        <translation>WRITE_OK（寫入成功）</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>FAIL（失敗）</translation>
    </message>
    <message>
        <source>QUERY</source>
        <translation>QUERY（查詢）</translation>
    </message>
    <message>
        <source>QUERY_REPLY</source>
        <translation>QUERY_REPLY（查詢回覆）</translation>
    </message>
    <message>
        <source>STORE</source>
        <translation>STORE（儲存）</translation>
    </message>
    <message>
        <source>STORE_ACK</source>
        <translation>STORE_ACK（儲存確認）</translation>
    </message>
    <message>
        <source>REPLICATE</source>
        <translation>REPLICATE（複寫）</translation>
    </message>
    <message>
        <source>SYNC</source>
        <translation>SYNC（同步）</translation>
    </message>
    <message>
        <source>REDIRECT</source>
        <translation>REDIRECT（重新導向）</translation>
    </message>
    <message>
        <source>HEARTBEAT</source>
        <translation>HEARTBEAT（心跳）</translation>
    </message>
    <message>
        <source>HEARTBEAT_ACK</source>
        <translation>HEARTBEAT_ACK（心跳確認）</translation>
    </message>
    <message>
        <source>VOTE_REQUEST</source>
        <translation>VOTE_REQUEST（請求投票）</translation>
    </message>
    <message>
        <source>VOTE_GRANTED</source>
        <translation>VOTE_GRANTED（同意投票）</translation>
    </message>
    <message>
        <source>TRY</source>
        <translation>TRY（嘗試）</translation>
    </message>
    <message>
        <source>TRY_OK</source>
        <translation>TRY_OK（嘗試成功）</translation>
    </message>
    <message>
        <source>TRY_FAILED</source>
        <translation>TRY_FAILED（嘗試失敗）</translation>
    </message>
    <message>
        <source>CONFIRM</source>
        <translation>CONFIRM（確認）</translation>
    </message>
    <message>
        <source>CONFIRM_OK</source>
        <translation>CONFIRM_OK（確認完成）</translation>
    </message>
    <message>
        <source>CONFIRM_FAILED</source>
        <translation>CONFIRM_FAILED（確認失敗）</translation>
    </message>
    <message>
        <source>CANCEL</source>
        <translation>CANCEL（取消）</translation>
    </message>
    <message>
        <source>CANCEL_OK</source>
        <translation>CANCEL_OK（取消完成）</translation>
    </message>
    <message>
        <source>phase1a</source>
        <translation>phase1a（第一階段請求）</translation>
    </message>
    <message>
        <source>phase1b</source>
        <translation>phase1b（第一階段承諾）</translation>
    </message>
    <message>
        <source>phase2a</source>
        <translation>phase2a（第二階段提案）</translation>
    </message>
    <message>
        <source>phase2b</source>
        <translation>phase2b（第二階段接受）</translation>
    </message>
    <message>
        <source>COMMIT</source>
        <translation>COMMIT（提交）</translation>
    </message>
    <message>
        <source>ABORT</source>
        <translation>ABORT（中止）</translation>
    </message>
    <message>
        <source>STORED</source>
        <translation>STORED（已儲存）</translation>
    </message>
    <message>
        <source>STORE_REJECTED</source>
        <translation>STORE_REJECTED（拒絕儲存）</translation>
    </message>
    <message>
        <source>NEW_TOKEN</source>
        <translation>NEW_TOKEN（新權杖）</translation>
    </message>
</context>
<context>
    <name>EngineNote</name>
    <message>
        <source>blocked: waiting for the decision</source>
        <translation>阻塞：等待決定</translation>
    </message>
    <message>
        <source>duplicate decision ignored</source>
        <translation>忽略重複的決定</translation>
    </message>
    <message>
        <source>client retries</source>
        <translation>用戶端重試</translation>
    </message>
    <message>
        <source>unilateral abort</source>
        <translation>單方面中止</translation>
    </message>
    <message>
        <source>answered a peer&apos;s decision request</source>
        <translation>回覆了其他參與者的決定詢問</translation>
    </message>
    <message>
        <source>recovered from the log</source>
        <translation>已從日誌復原</translation>
    </message>
    <message>
        <source>termination protocol started</source>
        <translation>啟動終止協定</translation>
    </message>
    <message>
        <source>the coordinator is still alive</source>
        <translation>協調者仍在運作</translation>
    </message>
    <message>
        <source>elected as the new coordinator</source>
        <translation>當選為新協調者</translation>
    </message>
    <message>
        <source>waiting for a new coordinator</source>
        <translation>等待新協調者</translation>
    </message>
    <message>
        <source>PRECOMMIT re-sent</source>
        <translation>重送 PRECOMMIT</translation>
    </message>
    <message>
        <source>committed without every acknowledgement</source>
        <translation>未收齊確認就提交</translation>
    </message>
    <message>
        <source>conflicting decision</source>
        <translation>互相衝突的決定</translation>
    </message>
    <message>
        <source>in doubt</source>
        <translation>不確定</translation>
    </message>
    <message>
        <source>decision after a total failure</source>
        <translation>全部當機後的決定</translation>
    </message>
    <message>
        <source>command retried</source>
        <translation>重試命令</translation>
    </message>
    <message>
        <source>step timed out</source>
        <translation>步驟逾時</translation>
    </message>
    <message>
        <source>business failure</source>
        <translation>業務失敗</translation>
    </message>
    <message>
        <source>no reply</source>
        <translation>沒有回覆</translation>
    </message>
    <message>
        <source>duplicate suppressed</source>
        <translation>已略過重複訊息</translation>
    </message>
    <message>
        <source>late command refused</source>
        <translation>拒絕遲到的命令</translation>
    </message>
    <message>
        <source>empty compensation</source>
        <translation>空補償</translation>
    </message>
    <message>
        <source>compensation failed</source>
        <translation>補償失敗</translation>
    </message>
    <message>
        <source>stock read</source>
        <translation>讀取庫存</translation>
    </message>
    <message>
        <source>dirty read</source>
        <translation>髒讀</translation>
    </message>
    <message>
        <source>waiting for a semantic lock</source>
        <translation>等待語意鎖</translation>
    </message>
    <message>
        <source>stale reply</source>
        <translation>過時的回覆</translation>
    </message>
    <message>
        <source>step applied</source>
        <translation>步驟已套用</translation>
    </message>
    <message>
        <source>step failed</source>
        <translation>步驟失敗</translation>
    </message>
    <message>
        <source>step compensated</source>
        <translation>步驟已補償</translation>
    </message>
    <message>
        <source>order approved</source>
        <translation>訂單已核准</translation>
    </message>
    <message>
        <source>duplicate publish</source>
        <translation>重複發布</translation>
    </message>
    <message>
        <source>redelivery</source>
        <translation>重新投遞</translation>
    </message>
    <message>
        <source>republish</source>
        <translation>重新發布</translation>
    </message>
    <message>
        <source>duplicate effect</source>
        <translation>效果重複套用</translation>
    </message>
    <message>
        <source>event lost</source>
        <translation>事件遺失</translation>
    </message>
    <message>
        <source>read succeeded</source>
        <translation>讀取成功</translation>
    </message>
    <message>
        <source>write succeeded</source>
        <translation>寫入成功</translation>
    </message>
    <message>
        <source>operation failed</source>
        <translation>操作失敗</translation>
    </message>
    <message>
        <source>operation timed out</source>
        <translation>操作逾時</translation>
    </message>
    <message>
        <source>stale read</source>
        <translation>讀到過時資料</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>衝突</translation>
    </message>
    <message>
        <source>lost update</source>
        <translation>遺失更新</translation>
    </message>
    <message>
        <source>read repair</source>
        <translation>讀取修復</translation>
    </message>
    <message>
        <source>client is down</source>
        <translation>用戶端已當機</translation>
    </message>
    <message>
        <source>operation abandoned</source>
        <translation>放棄操作</translation>
    </message>
    <message>
        <source>failover</source>
        <translation>容錯移轉</translation>
    </message>
    <message>
        <source>stepped down</source>
        <translation>卸任</translation>
    </message>
    <message>
        <source>two primaries</source>
        <translation>出現兩個主節點</translation>
    </message>
    <message>
        <source>no lease</source>
        <translation>沒有租約</translation>
    </message>
    <message>
        <source>fenced off</source>
        <translation>已被防護機制擋下（fencing）</translation>
    </message>
    <message>
        <source>conflicting write</source>
        <translation>衝突的寫入</translation>
    </message>
    <message>
        <source>write failed</source>
        <translation>寫入失敗</translation>
    </message>
    <message>
        <source>retry</source>
        <translation>重試</translation>
    </message>
    <message>
        <source>frozen amount</source>
        <translation>凍結金額</translation>
    </message>
    <message>
        <source>available amount</source>
        <translation>可用金額</translation>
    </message>
    <message>
        <source>reservation expired</source>
        <translation>預留已到期</translation>
    </message>
    <message>
        <source>empty rollback</source>
        <translation>空回滾</translation>
    </message>
    <message>
        <source>late Try refused (anti-hanging)</source>
        <translation>拒絕遲到的 Try（防懸掛）</translation>
    </message>
    <message>
        <source>Confirm refused</source>
        <translation>拒絕 Confirm</translation>
    </message>
    <message>
        <source>duplicate ignored</source>
        <translation>忽略重複訊息</translation>
    </message>
    <message>
        <source>Try rejected: not enough available</source>
        <translation>拒絕 Try：可用額度不足</translation>
    </message>
    <message>
        <source>starts a higher ballot</source>
        <translation>開始更高的輪次</translation>
    </message>
    <message>
        <source>steps aside for a higher ballot</source>
        <translation>讓位給更高的輪次</translation>
    </message>
    <message>
        <source>stock set back to its earlier value</source>
        <translation>庫存被設回先前的值</translation>
    </message>
    <message>
        <source>write rejected: stale fencing token</source>
        <translation>寫入被拒：防護權杖過舊</translation>
    </message>
    <message>
        <source>newer fencing token seen</source>
        <translation>收到較新的防護權杖</translation>
    </message>
    <message>
        <source>janitor rolled back a prepared transaction</source>
        <translation>清理程式回滾了已準備的交易</translation>
    </message>
    <message>
        <source>no free session in the pool</source>
        <translation>連線池沒有空閒的連線</translation>
    </message>
    <message>
        <source>decision conflicts with the janitor&apos;s rollback</source>
        <translation>決策與清理程式的回滾互相衝突</translation>
    </message>
</context>
<context>
    <name>EngineOutcome</name>
    <message>
        <source>pending</source>
        <translation>尚未開始</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>進行中</translation>
    </message>
    <message>
        <source>committed</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>aborted</source>
        <translation>已中止</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>阻塞</translation>
    </message>
</context>
<context>
    <name>EngineProtocol</name>
    <message>
        <source>Two-phase commit (2PC)</source>
        <translation>兩階段提交（2PC）</translation>
    </message>
    <message>
        <source>Three-phase commit (3PC)</source>
        <translation>三階段提交（3PC）</translation>
    </message>
    <message>
        <source>Saga (orchestration)</source>
        <translation>Saga（編排式 orchestration）</translation>
    </message>
    <message>
        <source>Saga (choreography)</source>
        <translation>Saga（協同式 choreography）</translation>
    </message>
    <message>
        <source>Transactional outbox</source>
        <translation>交易式發件箱（outbox）</translation>
    </message>
    <message>
        <source>Dual write</source>
        <translation>雙重寫入（dual write）</translation>
    </message>
    <message>
        <source>Replicated register (CAP)</source>
        <translation>複寫暫存器（CAP）</translation>
    </message>
    <message>
        <source>Primary/backup failover</source>
        <translation>主備援容錯移轉</translation>
    </message>
    <message>
        <source>Try-Confirm/Cancel (TCC)</source>
        <translation>嘗試－確認／取消（TCC）</translation>
    </message>
    <message>
        <source>Paxos Commit</source>
        <translation>Paxos 提交（Paxos Commit）</translation>
    </message>
</context>
<context>
    <name>EngineProtocolSummary</name>
    <message>
        <source>A coordinator asks every participant to prepare, then tells all of them to commit or abort. Atomic, but a participant that voted yes blocks while the coordinator is down.</source>
        <translation>協調者先請每個參與者準備，再通知所有人一起提交或中止。能保證原子性，但投了贊成票的參與者在協調者當機時會被阻塞。</translation>
    </message>
    <message>
        <source>Two-phase commit with a PRECOMMIT round in between, so that the survivors can finish without the coordinator after a crash; a network partition can still make the two sides decide differently.</source>
        <translation>在兩階段提交中間多加一輪 PRECOMMIT，協調者當機後，其餘節點不必等它也能把交易做完；但網路分區仍可能讓兩邊做出不同的決定。</translation>
    </message>
    <message>
        <source>A transaction manager reserves (Try) in every service, then confirms or cancels the reservations. Reservations expire on their own; an empty cancel is recorded so that a late Try is refused.</source>
        <translation>交易管理者先在每個服務預留資源（Try），再確認或取消這些預留。預留會自行到期；空回滾會被記錄下來，讓遲到的 Try 被拒絕（防懸掛）。</translation>
    </message>
    <message>
        <source>An orchestrator runs the steps one after another as local transactions; when a step fails it runs the compensations of the finished steps in reverse order.</source>
        <translation>編排器依序以本地交易執行每個步驟；某一步失敗時，就依相反順序執行已完成步驟的補償交易。</translation>
    </message>
    <message>
        <source>No coordinator: each service reacts to the others&apos; events through a broker that delivers at least once, and compensates when it hears of a failure.</source>
        <translation>沒有中央協調：每個服務透過「至少一次」投遞的訊息代理，回應其他服務發布的事件；聽到失敗事件時就自行補償。</translation>
    </message>
    <message>
        <source>The service writes its data and the event to publish in one local transaction; a relay publishes the outbox and a consumer drops duplicates. No event is lost or applied twice.</source>
        <translation>服務在同一筆本地交易中寫入業務資料和要發布的事件；中繼程式把發件箱的內容發布出去，冪等消費者丟棄重複的事件。事件既不會遺失，也不會被套用兩次。</translation>
    </message>
    <message>
        <source>The anti-pattern beside the outbox: the service commits, then publishes the event itself. A crash or a lost message in between loses the event or sends it twice.</source>
        <translation>和發件箱對照的反模式：服務先提交，再自己發布事件。兩者之間若當機或訊息遺失，事件就會遺失或被送兩次。</translation>
    </message>
    <message>
        <source>One value replicated on several replicas, read and written by clients. CP waits for quorums and stays linearizable; AP answers locally and reconciles later (last writer wins or vector clocks).</source>
        <translation>一個值複寫在多個複本上，由用戶端讀寫。CP 等待法定人數，保持線性一致性；AP 在本地直接回答，之後再調和（最後寫入者勝或向量時鐘）。</translation>
    </message>
    <message>
        <source>A primary replicates to backups and sends heartbeats; when they stop, a backup takes over. Without fencing, a partition leaves two primaries accepting writes.</source>
        <translation>主節點把資料複寫到備援節點並送出心跳；心跳一停，備援節點就接手（容錯移轉）。沒有防護機制（fencing）時，網路分區會讓兩個主節點同時接受寫入（腦裂）。</translation>
    </message>
    <message>
        <source>Each participant&apos;s vote is chosen by Paxos among 2F+1 acceptors instead of being kept by the coordinator alone. When the coordinator crashes, an acceptor starts a higher ballot and finishes: no blocking, and still safe under partitions.</source>
        <translation>每個參與者的投票由 2F+1 個接受者以 Paxos 選定，而不是只由協調者保存。協調者當機時，由一個接受者以更高的輪次接手並完成：不會阻塞，在網路分割下也依然安全。</translation>
    </message>
</context>
<context>
    <name>EngineRole</name>
    <message>
        <source>coordinator</source>
        <translation>協調者</translation>
    </message>
    <message>
        <source>participant</source>
        <translation>參與者</translation>
    </message>
    <message>
        <source>orchestrator</source>
        <translation>編排器</translation>
    </message>
    <message>
        <source>replica</source>
        <translation>複本</translation>
    </message>
    <message>
        <source>client</source>
        <translation>用戶端</translation>
    </message>
    <message>
        <source>service</source>
        <translation>服務</translation>
    </message>
    <message>
        <source>broker</source>
        <translation>訊息代理</translation>
    </message>
    <message>
        <source>order service</source>
        <translation>訂單服務</translation>
    </message>
    <message>
        <source>relay</source>
        <translation>中繼程式</translation>
    </message>
    <message>
        <source>consumer</source>
        <translation>消費者</translation>
    </message>
    <message>
        <source>server</source>
        <translation>伺服器</translation>
    </message>
    <message>
        <source>transaction manager</source>
        <translation>交易管理者</translation>
    </message>
    <message>
        <source>acceptor</source>
        <translation>接受者</translation>
    </message>
    <message>
        <source>storage</source>
        <translation>儲存端</translation>
    </message>
</context>
<context>
    <name>EngineState</name>
    <message>
        <source>INIT</source>
        <translation>INIT（初始）</translation>
    </message>
    <message>
        <source>WAIT</source>
        <translation>WAIT（等待）</translation>
    </message>
    <message>
        <source>READY</source>
        <translation>READY（就緒）</translation>
    </message>
    <message>
        <source>PRECOMMIT</source>
        <translation>PRECOMMIT（預提交）</translation>
    </message>
    <message>
        <source>COMMIT</source>
        <translation>COMMIT（提交）</translation>
    </message>
    <message>
        <source>ABORT</source>
        <translation>ABORT（中止）</translation>
    </message>
    <message>
        <source>RUNNING</source>
        <translation>RUNNING（執行中）</translation>
    </message>
    <message>
        <source>COMPENSATING</source>
        <translation>COMPENSATING（補償中）</translation>
    </message>
    <message>
        <source>COMPLETED</source>
        <translation>COMPLETED（已完成）</translation>
    </message>
    <message>
        <source>COMPENSATED</source>
        <translation>COMPENSATED（已補償）</translation>
    </message>
    <message>
        <source>NONE</source>
        <translation>NONE（無）</translation>
    </message>
    <message>
        <source>DONE</source>
        <translation>DONE（完成）</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FAILED（失敗）</translation>
    </message>
    <message>
        <source>COMMITTED</source>
        <translation>COMMITTED（已提交）</translation>
    </message>
    <message>
        <source>PUBLISHING</source>
        <translation>PUBLISHING（發布中）</translation>
    </message>
    <message>
        <source>PUBLISHED</source>
        <translation>PUBLISHED（已發布）</translation>
    </message>
    <message>
        <source>STORED</source>
        <translation>STORED（已儲存）</translation>
    </message>
    <message>
        <source>DELIVERED</source>
        <translation>DELIVERED（已送達）</translation>
    </message>
    <message>
        <source>APPLIED</source>
        <translation>APPLIED（已套用）</translation>
    </message>
    <message>
        <source>IDLE</source>
        <translation>IDLE（閒置）</translation>
    </message>
    <message>
        <source>WAITING</source>
        <translation>WAITING（等待中）</translation>
    </message>
    <message>
        <source>QUERYING</source>
        <translation>QUERYING（查詢中）</translation>
    </message>
    <message>
        <source>STORING</source>
        <translation>STORING（寫入中）</translation>
    </message>
    <message>
        <source>PRIMARY</source>
        <translation>PRIMARY（主節點）</translation>
    </message>
    <message>
        <source>BACKUP</source>
        <translation>BACKUP（備援節點）</translation>
    </message>
    <message>
        <source>CANDIDATE</source>
        <translation>CANDIDATE（候選者）</translation>
    </message>
    <message>
        <source>TRYING</source>
        <translation>TRYING（嘗試中）</translation>
    </message>
    <message>
        <source>CONFIRMING</source>
        <translation>CONFIRMING（確認中）</translation>
    </message>
    <message>
        <source>CANCELLING</source>
        <translation>CANCELLING（取消中）</translation>
    </message>
    <message>
        <source>RESERVED</source>
        <translation>RESERVED（已預留）</translation>
    </message>
    <message>
        <source>REJECTED</source>
        <translation>REJECTED（已拒絕）</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>EXPIRED（預留到期）</translation>
    </message>
    <message>
        <source>CONFIRMED</source>
        <translation>CONFIRMED（已確認）</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>CANCELLED（已取消）</translation>
    </message>
    <message>
        <source>PREPARED</source>
        <translation>PREPARED（已準備）</translation>
    </message>
    <message>
        <source>ACCEPTED</source>
        <translation>ACCEPTED（已接受）</translation>
    </message>
    <message>
        <source>LEADING</source>
        <translation>LEADING（主導中）</translation>
    </message>
    <message>
        <source>SERVING</source>
        <translation>SERVING（服務中）</translation>
    </message>
</context>
<context>
    <name>EngineText</name>
    <message>
        <source>Crash %1</source>
        <translation>讓 %1 當機</translation>
    </message>
    <message>
        <source>Restart %1</source>
        <translation>重新啟動 %1</translation>
    </message>
    <message>
        <source>Cut link %1 – %2</source>
        <translation>切斷連結 %1 – %2</translation>
    </message>
    <message>
        <source>Heal link %1 – %2</source>
        <translation>修復連結 %1 – %2</translation>
    </message>
    <message>
        <source>Heal all links and partitions</source>
        <translation>修復所有連結與分區</translation>
    </message>
    <message>
        <source>Heal the partition</source>
        <translation>修復分區</translation>
    </message>
    <message>
        <source>Drop the next message on %1 – %2</source>
        <translation>丟棄 %1 – %2 上的下一則訊息</translation>
    </message>
    <message>
        <source>Duplicate the next message on %1 – %2</source>
        <translation>複製 %1 – %2 上的下一則訊息</translation>
    </message>
    <message>
        <source>Change network settings</source>
        <translation>變更網路設定</translation>
    </message>
    <message>
        <source>Partition %1</source>
        <translation>分區 %1</translation>
    </message>
</context>
<context>
    <name>EngineTimer</name>
    <message>
        <source>local work done</source>
        <translation>本地工作完成</translation>
    </message>
    <message>
        <source>vote timeout</source>
        <translation>投票逾時</translation>
    </message>
    <message>
        <source>PREPARE timeout</source>
        <translation>PREPARE 逾時</translation>
    </message>
    <message>
        <source>decision timeout</source>
        <translation>等待決定逾時</translation>
    </message>
    <message>
        <source>ACK timeout</source>
        <translation>ACK 逾時</translation>
    </message>
    <message>
        <source>log flush</source>
        <translation>日誌寫入磁碟</translation>
    </message>
    <message>
        <source>in-doubt timeout</source>
        <translation>不確定狀態逾時</translation>
    </message>
    <message>
        <source>gather states</source>
        <translation>收集狀態</translation>
    </message>
    <message>
        <source>new coordinator timeout</source>
        <translation>新協調者逾時</translation>
    </message>
    <message>
        <source>command retry</source>
        <translation>命令重試</translation>
    </message>
    <message>
        <source>step deadline</source>
        <translation>步驟期限</translation>
    </message>
    <message>
        <source>redelivery</source>
        <translation>重新投遞</translation>
    </message>
    <message>
        <source>republish</source>
        <translation>重新發布</translation>
    </message>
    <message>
        <source>poll</source>
        <translation>輪詢</translation>
    </message>
    <message>
        <source>publish timeout</source>
        <translation>發布逾時</translation>
    </message>
    <message>
        <source>publish delay</source>
        <translation>發布延遲</translation>
    </message>
    <message>
        <source>operation timeout</source>
        <translation>操作逾時</translation>
    </message>
    <message>
        <source>quorum timeout</source>
        <translation>法定人數逾時</translation>
    </message>
    <message>
        <source>anti-entropy sync</source>
        <translation>反熵同步</translation>
    </message>
    <message>
        <source>heartbeat</source>
        <translation>心跳</translation>
    </message>
    <message>
        <source>failover timeout</source>
        <translation>容錯移轉逾時</translation>
    </message>
    <message>
        <source>client timeout</source>
        <translation>用戶端逾時</translation>
    </message>
    <message>
        <source>client retry</source>
        <translation>用戶端重試</translation>
    </message>
    <message>
        <source>Try timeout</source>
        <translation>Try 逾時</translation>
    </message>
    <message>
        <source>re-send</source>
        <translation>重送</translation>
    </message>
    <message>
        <source>Try done</source>
        <translation>Try 完成</translation>
    </message>
    <message>
        <source>reservation expiry</source>
        <translation>預留到期</translation>
    </message>
    <message>
        <source>takeover timeout</source>
        <translation>接手逾時</translation>
    </message>
    <message>
        <source>ballot timeout</source>
        <translation>輪次逾時</translation>
    </message>
    <message>
        <source>janitor</source>
        <translation>清理程式</translation>
    </message>
</context>
<context>
    <name>EngineTrace</name>
    <message>
        <source>send</source>
        <translation>送出</translation>
    </message>
    <message>
        <source>deliver</source>
        <translation>送達</translation>
    </message>
    <message>
        <source>drop</source>
        <translation>遺失</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>timer</source>
        <translation>計時器</translation>
    </message>
    <message>
        <source>crash</source>
        <translation>當機</translation>
    </message>
    <message>
        <source>restart</source>
        <translation>重新啟動</translation>
    </message>
    <message>
        <source>state change</source>
        <translation>狀態改變</translation>
    </message>
    <message>
        <source>log write</source>
        <translation>寫入日誌</translation>
    </message>
    <message>
        <source>lock acquired</source>
        <translation>取得鎖</translation>
    </message>
    <message>
        <source>lock released</source>
        <translation>釋放鎖</translation>
    </message>
    <message>
        <source>waiting for lock</source>
        <translation>等待鎖</translation>
    </message>
    <message>
        <source>fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>transaction start</source>
        <translation>交易開始</translation>
    </message>
    <message>
        <source>transaction end</source>
        <translation>交易結束</translation>
    </message>
    <message>
        <source>limit reached</source>
        <translation>達到上限</translation>
    </message>
    <message>
        <source>note</source>
        <translation>附註</translation>
    </message>
</context>
<context>
    <name>EngineTransition</name>
    <message>
        <source>timeout</source>
        <translation>逾時</translation>
    </message>
    <message>
        <source>commit request</source>
        <translation>提交請求</translation>
    </message>
    <message>
        <source>GLOBAL_ABORT (termination)</source>
        <translation>GLOBAL_ABORT（終止協定）</translation>
    </message>
    <message>
        <source>timeout: termination</source>
        <translation>逾時：終止協定</translation>
    </message>
    <message>
        <source>timeout: termination, all READY</source>
        <translation>逾時：終止協定，全部 READY</translation>
    </message>
    <message>
        <source>timeout: termination, some PRECOMMIT</source>
        <translation>逾時：終止協定，有人 PRECOMMIT</translation>
    </message>
    <message>
        <source>CANCEL_OK (empty rollback)</source>
        <translation>CANCEL_OK（空回滾）</translation>
    </message>
    <message>
        <source>last step done</source>
        <translation>最後一步完成</translation>
    </message>
    <message>
        <source>step failed</source>
        <translation>步驟失敗</translation>
    </message>
    <message>
        <source>step deadline</source>
        <translation>步驟逾時</translation>
    </message>
    <message>
        <source>first step compensated</source>
        <translation>第一步已補償</translation>
    </message>
    <message>
        <source>command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failure</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>compensation</source>
        <translation>補償</translation>
    </message>
    <message>
        <source>compensated</source>
        <translation>已補償</translation>
    </message>
    <message>
        <source>empty compensation</source>
        <translation>空補償</translation>
    </message>
    <message>
        <source>order</source>
        <translation>訂單</translation>
    </message>
    <message>
        <source>order rejected</source>
        <translation>訂單被拒</translation>
    </message>
    <message>
        <source>event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>success event</source>
        <translation>成功事件</translation>
    </message>
    <message>
        <source>failure event</source>
        <translation>失敗事件</translation>
    </message>
    <message>
        <source>failure or compensation event</source>
        <translation>失敗或補償事件</translation>
    </message>
    <message>
        <source>compensation event</source>
        <translation>補償事件</translation>
    </message>
    <message>
        <source>write ORDER</source>
        <translation>寫入 ORDER</translation>
    </message>
    <message>
        <source>write ORDER + OUTBOX in one transaction</source>
        <translation>同一筆交易寫入 ORDER + OUTBOX</translation>
    </message>
    <message>
        <source>R agreeing QUERY_REPLY</source>
        <translation>R 個一致的 QUERY_REPLY</translation>
    </message>
    <message>
        <source>R QUERY_REPLY</source>
        <translation>R 個 QUERY_REPLY</translation>
    </message>
    <message>
        <source>W STORE_ACK</source>
        <translation>W 個 STORE_ACK</translation>
    </message>
    <message>
        <source>failover timeout</source>
        <translation>容錯移轉逾時</translation>
    </message>
    <message>
        <source>HEARTBEAT of a higher term</source>
        <translation>更高任期的 HEARTBEAT</translation>
    </message>
    <message>
        <source>REDIRECT or timeout</source>
        <translation>REDIRECT 或逾時</translation>
    </message>
    <message>
        <source>attempts used up</source>
        <translation>重試次數用盡</translation>
    </message>
    <message>
        <source>all %1</source>
        <translation>全部 %1</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 或 %2</translation>
    </message>
    <message>
        <source>election timeout</source>
        <translation>選舉逾時</translation>
    </message>
    <message>
        <source>a majority of VOTE_GRANTED</source>
        <translation>過半數的 VOTE_GRANTED</translation>
    </message>
    <message>
        <source>HEARTBEAT of a term &gt;= its own</source>
        <translation>任期不低於自己的 HEARTBEAT</translation>
    </message>
    <message>
        <source>higher term</source>
        <translation>更高的任期</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 和 %2</translation>
    </message>
    <message>
        <source>every instance chose prepared</source>
        <translation>全部選定已準備</translation>
    </message>
    <message>
        <source>an instance chose aborted</source>
        <translation>有實例選定已中止</translation>
    </message>
    <message>
        <source>phase2a (prepared)</source>
        <translation>phase2a（已準備）</translation>
    </message>
    <message>
        <source>phase2a (aborted)</source>
        <translation>phase2a（已中止）</translation>
    </message>
    <message>
        <source>takeover timeout</source>
        <translation>接手逾時</translation>
    </message>
    <message>
        <source>STORE_REJECTED of a higher token</source>
        <translation>收到權杖更高的 STORE_REJECTED</translation>
    </message>
</context>
<context>
    <name>ExploreDialog</name>
    <message>
        <source>What can go wrong?</source>
        <translation>會出什麼錯？</translation>
    </message>
    <message>
        <source>Tries every order in which messages can arrive and timers can fire, together with at most this many faults, and reports every way an invariant breaks or the protocol blocks. Each finding is a shortest one.</source>
        <translation>逐一嘗試訊息抵達與計時器觸發的每一種順序，再加上最多下列數量的故障，並列出每一種違反不變量或讓協定阻塞的情況。每項發現都是最短的一條路徑。</translation>
    </message>
    <message>
        <source>Crashes:</source>
        <translation>當機次數：</translation>
    </message>
    <message>
        <source>How many node crashes may happen (restarts are always possible)</source>
        <translation>最多可發生幾次節點當機（隨時都可以重新啟動）</translation>
    </message>
    <message>
        <source>Partitions:</source>
        <translation>網路分區次數：</translation>
    </message>
    <message>
        <source>How many times the network may split into two sides (healing is always possible)</source>
        <translation>網路最多可分裂成兩邊幾次（隨時都可以修復）</translation>
    </message>
    <message>
        <source>Lost messages:</source>
        <translation>遺失的訊息：</translation>
    </message>
    <message>
        <source>Duplicated messages:</source>
        <translation>重複的訊息：</translation>
    </message>
    <message>
        <source>State limit:</source>
        <translation>狀態上限：</translation>
    </message>
    <message>
        <source>The search stops after this many distinct states, so that it ends in seconds</source>
        <translation>搜尋到這麼多個不同狀態後就停止，讓它在幾秒內結束</translation>
    </message>
    <message>
        <source>&amp;Explore</source>
        <translation>探索(&amp;E)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Load in the lab</source>
        <translation>載入實驗室(&amp;L)</translation>
    </message>
    <message>
        <source>Load the shortest run that leads there, to step through it on the timeline</source>
        <translation>載入通往該處的最短執行過程，在時間軸上逐步檢視</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Choose the bounds, then Explore. The scenario in the lab is explored.</source>
        <translation>設定上限後按「探索」。探索的是實驗室目前的情境。</translation>
    </message>
    <message>
        <source>Exploring…</source>
        <translation>探索中…</translation>
    </message>
    <message>
        <source>%L1 states · depth %2 · %L3 states/s · %4 MiB</source>
        <translation>%L1 個狀態 · 深度 %2 · 每秒 %L3 個狀態 · %4 MiB</translation>
    </message>
    <message numerus="yes">
        <source>✖ %1 violated after %n step(s)</source>
        <translation>
            <numerusform>✖ %n 步後違反%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⏸ Blocked after %n step(s): a transaction stays undecided until a node restarts or the network heals</source>
        <translation>
            <numerusform>⏸ %n 步後阻塞：交易一直無法決定，直到有節點重新啟動或網路修復</numerusform>
        </translation>
    </message>
    <message>
        <source>This scenario cannot be explored: %1</source>
        <translation>無法探索這個情境：%1</translation>
    </message>
    <message>
        <source>Explored all %L1 distinct states.</source>
        <translation>已探索全部 %L1 個不同狀態。</translation>
    </message>
    <message>
        <source>Cancelled after %L1 distinct states: only what was found so far is listed.</source>
        <translation>已在 %L1 個不同狀態後取消：只列出目前為止找到的結果。</translation>
    </message>
    <message>
        <source>Stopped at the memory limit after %L1 distinct states: the search is incomplete.</source>
        <translation>在 %L1 個不同狀態後達到記憶體上限而停止：搜尋並不完整。</translation>
    </message>
    <message>
        <source>Stopped at the state limit (%L1 distinct states): the search is incomplete; raise the limit to look further.</source>
        <translation>達到狀態上限（%L1 個不同狀態）而停止：搜尋並不完整；提高上限可以找得更遠。</translation>
    </message>
    <message>
        <source>This protocol&apos;s states are not merged, so the same state may be counted more than once.</source>
        <translation>這個協定的狀態不會合併，同一個狀態可能被計算不只一次。</translation>
    </message>
    <message>
        <source>Double-click one, or choose it and Load in the lab, to step through it.</source>
        <translation>按兩下其中一項，或選取後按「載入實驗室」，就能逐步檢視。</translation>
    </message>
    <message>
        <source>%L1 blocking states in all; the shortest are listed.</source>
        <translation>共有 %L1 個阻塞狀態；這裡列出最短的幾個。</translation>
    </message>
    <message>
        <source>Double-click to load this run and step through it</source>
        <translation>按兩下即可載入這段執行過程並逐步檢視</translation>
    </message>
    <message>
        <source>✔ No invariant can break and nothing blocks within these bounds.</source>
        <translation>✔ 在這些上限內，沒有任何不變量會被違反，也不會阻塞。</translation>
    </message>
    <message>
        <source>✔ Nothing went wrong in the states explored.</source>
        <translation>✔ 在已探索的狀態中沒有出錯。</translation>
    </message>
    <message>
        <source>How it happens, step by step:</source>
        <translation>逐步看它如何發生：</translation>
    </message>
    <message>
        <source>Messages that could no longer change anything were left out of the states (the verdicts stay exact).</source>
        <translation>已不可能再改變任何事的訊息沒有計入狀態（結論仍然精確）。</translation>
    </message>
</context>
<context>
    <name>ExploreSteps</name>
    <message>
        <source>{%1} and {%2}</source>
        <translation>{%1} 與 {%2}</translation>
    </message>
    <message>
        <source> (transaction %1)</source>
        <translation>（交易 %1）</translation>
    </message>
    <message>
        <source>%1 from %2 to %3</source>
        <translation>%2 → %3 的 %1</translation>
    </message>
    <message>
        <source>%1 arrives</source>
        <translation>%1抵達</translation>
    </message>
    <message>
        <source>%1 arrives twice (a duplicate)</source>
        <translation>%1抵達兩次（重複）</translation>
    </message>
    <message>
        <source>%1 is lost</source>
        <translation>%1遺失</translation>
    </message>
    <message>
        <source>%1&apos;s timer “%2” fires</source>
        <translation>%1 的計時器「%2」觸發</translation>
    </message>
    <message>
        <source>%1 crashes</source>
        <translation>%1 當機</translation>
    </message>
    <message>
        <source>%1 restarts</source>
        <translation>%1 重新啟動</translation>
    </message>
    <message>
        <source>The partition heals</source>
        <translation>分區修復</translation>
    </message>
    <message>
        <source>The network splits into %1</source>
        <translation>網路分成兩區：%1</translation>
    </message>
    <message>
        <source>The workload&apos;s next event happens</source>
        <translation>工作負載的下一個事件發生</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>PNG image</source>
        <translation>PNG 圖片</translation>
    </message>
    <message>
        <source>SVG drawing (text stays text)</source>
        <translation>SVG 向量圖（文字保持為文字）</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <source>JSON Lines (one trace record a line)</source>
        <translation>JSON Lines（每行一筆追蹤紀錄）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>Canvas (topology)</source>
        <translation>畫布（拓撲）</translation>
    </message>
    <message>
        <source>Space-time diagram</source>
        <translation>時空圖</translation>
    </message>
    <message>
        <source>Metrics chart</source>
        <translation>指標圖表</translation>
    </message>
    <message>
        <source>Side-by-side view</source>
        <translation>並排比較視圖</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>追蹤紀錄</translation>
    </message>
    <message>
        <source>Run report (one page, for a handout)</source>
        <translation>執行報告（一頁，可當講義）</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>內容：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>檔案：</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>匯出到</translation>
    </message>
</context>
<context>
    <name>FaultDialogs</name>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A node in a list: its name and role, e.g. &quot;P1 (participant)&quot;.</extracomment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <source>%1: cannot write the file (%2)</source>
        <translation>%1：無法寫入檔案（%2）</translation>
    </message>
    <message>
        <source>Made with CommitScope</source>
        <translation>以 CommitScope 製作</translation>
    </message>
    <message>
        <source>no SVG painter</source>
        <translation>無法繪製 SVG</translation>
    </message>
    <message>
        <source>nothing was written</source>
        <translation>沒有寫入任何內容</translation>
    </message>
    <message>
        <source>no PDF painter</source>
        <translation>無法繪製 PDF</translation>
    </message>
    <message>
        <source>%1: use a file name ending in .png, .svg or .pdf</source>
        <translation>%1：請使用副檔名為 .png、.svg 或 .pdf 的檔名</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <source>Play or pause</source>
        <translation>播放或暫停</translation>
    </message>
    <message>
        <source>Step to the next event</source>
        <translation>前進到下一個事件</translation>
    </message>
    <message>
        <source>Step back one event (deterministic replay)</source>
        <translation>退回上一個事件（決定性重播）</translation>
    </message>
    <message>
        <source>Restart with the same seed</source>
        <translation>以相同種子重新開始</translation>
    </message>
    <message>
        <source>Re-roll the seed</source>
        <translation>重新抽選種子</translation>
    </message>
    <message>
        <source>Faster / slower</source>
        <translation>加快／放慢</translation>
    </message>
    <message>
        <source>Undo the last injected fault</source>
        <translation>復原最後注入的故障</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>New, open, save a scenario</source>
        <translation>新增、開啟、儲存情境</translation>
    </message>
    <message>
        <source>Projector mode: full screen, large text, high contrast</source>
        <translation>投影模式：全螢幕、大字、高對比</translation>
    </message>
    <message>
        <source>Show or hide this help</source>
        <translation>顯示或隱藏這份說明</translation>
    </message>
    <message>
        <source>Right-click a node to crash it or restart it. A crashed node is grey; its durable log stays visible.</source>
        <translation>在節點上按右鍵可讓它當機或重新啟動。當機的節點會變成灰色，但它的持久日誌仍然看得到。</translation>
    </message>
    <message>
        <source>Faults &gt; Partition… splits the nodes into side A and side B; messages across the sides are lost.</source>
        <translation>「故障 &gt; 分區…」會把節點分成 A、B 兩側；跨越兩側的訊息都會遺失。</translation>
    </message>
    <message>
        <source>Faults &gt; Drop next / Duplicate next message on a link affects the next message sent on it.</source>
        <translation>「故障 &gt; 丟棄／複製下一則訊息」只影響該連結上接下來送出的那一則訊息。</translation>
    </message>
    <message>
        <source>Every fault is recorded in the run&apos;s schedule at the current event: Ctrl+Z undoes it, Save keeps it, and reopening the file replays it exactly.</source>
        <translation>每個故障都會記錄在這次執行的故障排程中（在目前的事件之後）：Ctrl+Z 可以復原，儲存會一併保存，重新開啟檔案時會完全照樣重播。</translation>
    </message>
    <message>
        <source>Scrub back and inject a different fault to explore another branch of the same run.</source>
        <translation>把時間軸拖回去、注入不同的故障，就能探索同一次執行的另一條分支。</translation>
    </message>
    <message>
        <source>CommitScope help</source>
        <translation>CommitScope 說明</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快捷鍵</translation>
    </message>
    <message>
        <source>Fault tools</source>
        <translation>故障工具</translation>
    </message>
    <message>
        <source>Press F1 or Esc, or click anywhere, to close</source>
        <translation>按 F1 或 Esc，或點任意處即可關閉</translation>
    </message>
    <message>
        <source>Normal speed (1×)</source>
        <translation>正常速度（1×）</translation>
    </message>
    <message>
        <source>Cut a link…</source>
        <translation>切斷一條連結…</translation>
    </message>
    <message>
        <source>Partition the network…</source>
        <translation>建立網路分區…</translation>
    </message>
    <message>
        <source>Heal all links and partitions</source>
        <translation>修復所有連結與分區</translation>
    </message>
    <message>
        <source>Browse lessons</source>
        <translation>瀏覽課程</translation>
    </message>
    <message>
        <source>Next / previous lesson step (a presenter&apos;s clicker sends these)</source>
        <translation>課程的下一頁／上一頁（簡報遙控器送出的就是這兩個鍵）</translation>
    </message>
    <message>
        <source>Teacher mode</source>
        <translation>教師模式</translation>
    </message>
    <message>
        <source>Fit view: every node in the canvas, zoom and scrolling reset</source>
        <translation>符合視窗：所有節點放回畫布，縮放與捲動歸位</translation>
    </message>
    <message>
        <source>Double-click a link on the canvas to cut it (the toast offers Undo); double-click a cut link to heal it.</source>
        <translation>在畫布上按兩下連結即可切斷（提示會提供「復原」）；按兩下已切斷的連結即可修復。</translation>
    </message>
</context>
<context>
    <name>InputFile</name>
    <message>
        <source>the file is %1 bytes, more than the limit of %2 bytes (%3 MiB) for a scenario or lesson file</source>
        <translation>檔案大小為 %1 位元組，超過情境或課程檔案的上限 %2 位元組（%3 MiB）</translation>
    </message>
    <message>
        <source>is a directory, not a scenario or lesson file</source>
        <translation>是資料夾，不是情境或課程檔案</translation>
    </message>
    <message>
        <source>is a named pipe (FIFO), not a regular file; scenario and lesson files are read only from regular files</source>
        <translation>是具名管道（FIFO），不是一般檔案；情境與課程只從一般檔案讀取</translation>
    </message>
    <message>
        <source>is a device, not a regular file; scenario and lesson files are read only from regular files</source>
        <translation>是裝置，不是一般檔案；情境與課程只從一般檔案讀取</translation>
    </message>
    <message>
        <source>is a socket, not a regular file; scenario and lesson files are read only from regular files</source>
        <translation>是通訊端（socket），不是一般檔案；情境與課程只從一般檔案讀取</translation>
    </message>
    <message>
        <source>is not a regular file; scenario and lesson files are read only from regular files</source>
        <translation>不是一般檔案；情境與課程只從一般檔案讀取</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>無法讀取檔案：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>InvariantBanner</name>
    <message>
        <source>Invariant broken: %1</source>
        <translation>不變量被破壞：%1</translation>
    </message>
    <message>
        <source>at t = %1 ms — %2</source>
        <translation>於 t = %1 毫秒 — %2</translation>
    </message>
    <message>
        <source>Dismiss (it stays in the status bar)</source>
        <translation>關閉（狀態列仍會顯示）</translation>
    </message>
    <message>
        <source>Dismiss the invariant banner</source>
        <translation>關閉不變量橫幅</translation>
    </message>
    <message>
        <source>Click to dismiss</source>
        <translation>點一下即可關閉</translation>
    </message>
    <message>
        <source>Invariant broken: %1, at %2 ms</source>
        <translation>不變量被破壞：%1，於 %2 毫秒</translation>
    </message>
</context>
<context>
    <name>LabController</name>
    <message>
        <source>%1: the scenario could not be started</source>
        <translation>%1：無法啟動這個情境</translation>
    </message>
    <message>
        <source>%1: cannot write the file: %2</source>
        <translation>%1：無法寫入檔案：%2</translation>
    </message>
    <message>
        <source>New %1 scenario</source>
        <translation>新的%1情境</translation>
    </message>
    <message>
        <source>%1: the fault &quot;%2&quot; has no effect at this moment</source>
        <translation>%1：故障「%2」此刻不會有任何效果</translation>
    </message>
    <message>
        <source>%1: the scenario to switch to could not be started</source>
        <translation>%1：無法啟動要切換過去的情境</translation>
    </message>
</context>
<context>
    <name>LessonBrowser</name>
    <message>
        <source>Lessons</source>
        <translation>課程</translation>
    </message>
    <message>
        <source>Choose a lesson. Each one starts from its own scenario; your answers are saved as you give them.</source>
        <translation>選擇一門課程。每門課程都從自己的情境開始；你的作答會隨時儲存。</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>課程</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主題</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完成度</translation>
    </message>
    <message>
        <source>Best score</source>
        <translation>最佳成績</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>上次嘗試</translation>
    </message>
    <message>
        <source>Start lesson</source>
        <translation>開始課程</translation>
    </message>
    <message>
        <source>Free play</source>
        <translation>自由練習</translation>
    </message>
    <message>
        <source>Open the lesson&apos;s scenario in the sandbox, without the lesson</source>
        <translation>在沙盒中開啟這門課程的情境，但不進行課程</translation>
    </message>
    <message>
        <source>%1 — unavailable</source>
        <translation>%1 — 無法使用</translation>
    </message>
    <message>
        <source>(broken file)</source>
        <translation>（檔案損壞）</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分鐘</translation>
    </message>
    <message>
        <source>✔ done</source>
        <translation>✔ 完成</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>尚未開始</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>No lessons were found in %1.</source>
        <translation>在 %1 中找不到任何課程。</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;This lesson cannot be opened.&lt;/b&gt; Its file has problems; the rest of the app is unaffected. A teacher or the lesson&apos;s author can fix them:&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;這門課程無法開啟。&lt;/b&gt;它的檔案有問題，但應用程式的其他部分不受影響。老師或課程作者可以修正下列問題：&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Take first:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;建議先修：&lt;/b&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 steps · %2 questions · about %3 minutes&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 個步驟 · %2 道問題 · 約 %3 分鐘&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No.</source>
        <extracomment>The column of lesson numbers (&quot;No.&quot; as in number).</extracomment>
        <translation>編號</translation>
    </message>
    <message>
        <source>Take first</source>
        <translation>先修課程</translation>
    </message>
    <message>
        <source>Lessons to take before this one (by number)</source>
        <translation>建議先上的課程（依編號）</translation>
    </message>
    <message>
        <source>Continue at step %1</source>
        <translation>從第 %1 步繼續</translation>
    </message>
    <message>
        <source>Where you left off, with your answers and score so far</source>
        <translation>回到上次停下的地方，保留你的作答與目前得分</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>從頭開始</translation>
    </message>
    <message>
        <source>A new attempt from step 1 (your earlier attempts stay in your progress)</source>
        <translation>從第 1 步重新作答（先前的紀錄仍保留在進度中）</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;You left this lesson at step %1 of %2.&lt;/b&gt; Continue there, or start over.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;你上次停在第 %1 步（共 %2 步）。&lt;/b&gt;可以從那裡繼續，或從頭開始。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;You left this lesson at step %1 of %2.&lt;/b&gt; Score so far: %3 of %4. Continue there, or start over.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;你上次停在第 %1 步（共 %2 步）。&lt;/b&gt;目前得分：%3／%4。可以從那裡繼續，或從頭開始。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>LessonLibrary</name>
    <message>
        <source>%1: the lesson could not be loaded</source>
        <translation>%1：無法載入課程</translation>
    </message>
    <message>
        <source>%1: more than %2 lesson files; the rest are not read</source>
        <translation>%1：課程檔超過 %2 個，其餘的不會讀取</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>playing to %1 ms</source>
        <translation>播放到 %1 毫秒</translation>
    </message>
    <message>
        <source>playing until %1 is in %2</source>
        <translation>播放到 %1 處於 %2 為止</translation>
    </message>
    <message>
        <source>playing until the moment the lesson needs</source>
        <translation>播放到課程需要的時刻</translation>
    </message>
    <message numerus="yes">
        <source>dispatching %n event(s)</source>
        <translation>
            <numerusform>處理 %n 個事件</numerusform>
        </translation>
    </message>
    <message>
        <source>Check my answer</source>
        <translation>檢查答案</translation>
    </message>
    <message>
        <source>Retry this step</source>
        <translation>重來這一步</translation>
    </message>
    <message>
        <source>Go back to where this step began and try again (the run replays exactly)</source>
        <translation>回到這一步開始的地方再試一次（執行會完全相同地重播）</translation>
    </message>
    <message>
        <source>Skip ahead</source>
        <translation>直接跳過</translation>
    </message>
    <message>
        <source>Jump to where the lesson is playing the run, without the animation</source>
        <translation>不播放動畫，直接跳到課程要播放到的位置</translation>
    </message>
    <message>
        <source>Show me</source>
        <translation>示範給我看</translation>
    </message>
    <message>
        <source>Teacher mode: perform this step&apos;s own solution on the canvas</source>
        <translation>教師模式：在畫布上執行這一步的標準解法</translation>
    </message>
    <message>
        <source>Reveal the answer</source>
        <translation>顯示答案</translation>
    </message>
    <message>
        <source>Teacher mode: mark the right answer and show every explanation</source>
        <translation>教師模式：標出正確答案並顯示所有解說</translation>
    </message>
    <message>
        <source>Choose another lesson…</source>
        <translation>選擇其他課程…</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一頁</translation>
    </message>
    <message>
        <source>The previous step; the run goes back to where that step began</source>
        <translation>回到上一頁；執行會退回那一步開始的地方</translation>
    </message>
    <message>
        <source>Teacher mode</source>
        <translation>教師模式</translation>
    </message>
    <message>
        <source>Jump to any step, reveal answers and hide scores</source>
        <translation>可跳到任何一步、顯示答案並隱藏分數</translation>
    </message>
    <message>
        <source>Free play</source>
        <translation>自由練習</translation>
    </message>
    <message>
        <source>Leave the lesson and keep experimenting with this scenario in the sandbox</source>
        <translation>離開課程，在沙盒中繼續用這個情境做實驗</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Close the lesson (answers already given are kept)</source>
        <translation>關閉課程（已作答的內容會保留）</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>閱讀</translation>
    </message>
    <message>
        <source>The lab</source>
        <translation>實驗室</translation>
    </message>
    <message>
        <source>Your turn</source>
        <translation>換你了</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>%1. %2: %3</source>
        <translation>%1. %2：%3</translation>
    </message>
    <message>
        <source>▶ The lab is %1…</source>
        <translation>▶ 實驗室：%1…</translation>
    </message>
    <message>
        <source>Waiting for you: act on the canvas (right-click a node, click a link, or use the Faults menu), then press Play (Space). The lesson checks the run after every event.</source>
        <translation>等你動手：在畫布上操作（在節點上按右鍵、點一條連結，或使用「故障」選單），然後按「播放」（空白鍵）。每個事件之後，課程都會檢查這次執行。</translation>
    </message>
    <message>
        <source>Too late: in this run the moment for this task has passed. Press “Retry this step” to go back to where the step began.</source>
        <translation>太遲了：在這次執行中，這項任務的時機已經過去。按「重來這一步」回到這一步開始的地方。</translation>
    </message>
    <message>
        <source>The lesson could not perform this step: %1</source>
        <translation>課程無法執行這一步：%1</translation>
    </message>
    <message>
        <source>✔ Done (the solution was shown).</source>
        <translation>✔ 完成（已顯示解法）。</translation>
    </message>
    <message>
        <source>✔ Done: the engine confirms it. Press Next.</source>
        <translation>✔ 完成：模擬引擎確認無誤。請按「下一頁」。</translation>
    </message>
    <message>
        <source>Lesson complete</source>
        <translation>課程完成</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>  ·  Score %1 of %2</source>
        <translation>  ·  得分 %1／%2</translation>
    </message>
    <message>
        <source>  ·  Teacher mode</source>
        <translation>  ·  教師模式</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一頁</translation>
    </message>
    <message>
        <source>Well done</source>
        <translation>做得好</translation>
    </message>
    <message>
        <source>&lt;p&gt;You have finished &lt;b&gt;%1&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;你已完成 &lt;b&gt;%1&lt;/b&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Questions right at the first try: &lt;b&gt;%1 of %2&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;第一次就答對的題數：&lt;b&gt;%1／%2&lt;/b&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Your progress is saved. Open the scenario in &lt;b&gt;Free play&lt;/b&gt; to keep experimenting, or choose the next lesson.&lt;/p&gt;</source>
        <translation>&lt;p&gt;你的進度已儲存。可以用&lt;b&gt;自由練習&lt;/b&gt;開啟這個情境繼續實驗，或選擇下一門課程。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Question · choose every right answer</source>
        <translation>問題 · 選出所有正確答案</translation>
    </message>
    <message>
        <source>Question · predict</source>
        <translation>問題 · 預測</translation>
    </message>
    <message>
        <source>Question · make it happen</source>
        <translation>問題 · 動手做到</translation>
    </message>
    <message>
        <source>This is what happened.</source>
        <translation>實際發生的是這個。</translation>
    </message>
    <message>
        <source>Right.</source>
        <translation>正確。</translation>
    </message>
    <message>
        <source>Not quite.</source>
        <translation>不太對。</translation>
    </message>
    <message>
        <source>Show a hint (%1 of %2)</source>
        <translation>顯示提示（%1／%2）</translation>
    </message>
    <message>
        <source>✔ You made it happen.</source>
        <translation>✔ 你做到了。</translation>
    </message>
    <message>
        <source>✔ Reached with the solution shown.</source>
        <translation>✔ 已藉由顯示的解法達成。</translation>
    </message>
    <message>
        <source>starting the run again with other settings</source>
        <translation>以其他設定重新開始這次執行</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;&lt;b&gt;Not all of your progress was saved:&lt;/b&gt; %n answer(s) or step(s) could not be written to the progress file.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;&lt;b&gt;並非所有進度都已儲存：&lt;/b&gt;有 %n 個答案或步驟無法寫入進度檔。&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;Open the scenario in &lt;b&gt;Free play&lt;/b&gt; to keep experimenting, or choose the next lesson.&lt;/p&gt;</source>
        <translation>&lt;p&gt;可以用&lt;b&gt;自由練習&lt;/b&gt;開啟這個情境繼續實驗，或選擇下一門課程。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Run to the result</source>
        <translation>跑到結果</translation>
    </message>
    <message>
        <source>Play the run quickly to the moment the question is about, then compare it with your prediction</source>
        <translation>快速播放到題目所問的那一刻，再和你的預測比對</translation>
    </message>
    <message>
        <source>▶ Running to the result…</source>
        <translation>▶ 正在跑到結果…</translation>
    </message>
    <message>
        <source>Your prediction: &lt;b&gt;%1&lt;/b&gt;. Press “Run to the result” to see what happens.</source>
        <translation>你的預測：&lt;b&gt;%1&lt;/b&gt;。按「跑到結果」看看會發生什麼事。</translation>
    </message>
    <message>
        <source>The run is stopped before the outcome. Choose what you think happens next and lock it in; then run to the result.</source>
        <translation>執行停在結果揭曉之前。選出你認為接下來會發生的事並鎖定，然後跑到結果。</translation>
    </message>
    <message>
        <source>Lock in my prediction</source>
        <translation>鎖定我的預測</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>再試一次</translation>
    </message>
    <message>
        <source>Choose again; your score keeps counting your first answer</source>
        <translation>重新選擇；得分仍以你的第一次作答計算</translation>
    </message>
    <message>
        <source>Show the answer</source>
        <translation>顯示答案</translation>
    </message>
    <message>
        <source>Mark the right answer and show every explanation</source>
        <translation>標出正確答案並顯示每個選項的解說</translation>
    </message>
    <message>
        <source>The run has gone on since the goal held: Next continues from the moment it held, and “Retry this step” goes back to where the step began.</source>
        <translation>達成目標之後執行又繼續了：「下一頁」會從達成目標的那一刻接著進行，「重來這一步」則回到這一步開始的地方。</translation>
    </message>
    <message>
        <source>&lt;b&gt;✔ Right:&lt;/b&gt; you predicted %1, and that is what happened.</source>
        <translation>&lt;b&gt;✔ 正確：&lt;/b&gt;你預測 %1，實際發生的正是如此。</translation>
    </message>
    <message>
        <source>&lt;b&gt;✖ Not what happened:&lt;/b&gt; you predicted %1; the run did %2.</source>
        <translation>&lt;b&gt;✖ 實際結果不同：&lt;/b&gt;你預測 %1，執行的結果是 %2。</translation>
    </message>
    <message>
        <source>&lt;b&gt;✔ Right:&lt;/b&gt; you chose %1.</source>
        <translation>&lt;b&gt;✔ 正確：&lt;/b&gt;你選了 %1。</translation>
    </message>
    <message>
        <source>&lt;b&gt;✖ Not right:&lt;/b&gt; you chose %1.</source>
        <translation>&lt;b&gt;✖ 不正確：&lt;/b&gt;你選了 %1。</translation>
    </message>
    <message>
        <source>The right answer: %1.</source>
        <translation>正確答案：%1。</translation>
    </message>
    <message>
        <source>Your score counts your first answer.</source>
        <translation>得分以你的第一次作答計算。</translation>
    </message>
    <message>
        <source>Waiting for you: move the run forward with Step forward (→) or Play (Space). The lesson checks the run after every event.</source>
        <translation>等你動手：用「單步前進」（→）或「播放」（空白鍵）讓執行往前走。每個事件之後，課程都會檢查這次執行。</translation>
    </message>
    <message>
        <source>Try a variant</source>
        <translation>換個變化再試</translation>
    </message>
    <message>
        <source>The same question on another run of this lesson (another seed): what happens there decides the right answer. Practice only: your score keeps your first answer.</source>
        <translation>同一個問題，換成這一課的另一次執行（另一個種子）：那次執行裡發生的事決定正確答案。只是練習：分數仍以你第一次的回答計算。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Variant %1&lt;/b&gt; · seed %2: the same question on another run. The engine decides the right answer on this run; your score keeps your first answer.</source>
        <translation>&lt;b&gt;變化 %1&lt;/b&gt; · 種子 %2：同一個問題，換一次執行。正確答案由引擎依這次執行判定；分數仍以你第一次的回答計算。</translation>
    </message>
    <message>
        <source>▾ Less</source>
        <translation>▾ 收起</translation>
    </message>
    <message>
        <source>▸ More</source>
        <translation>▸ 更多</translation>
    </message>
    <message>
        <source>The longer explanation of this step</source>
        <translation>這一步較長的說明</translation>
    </message>
    <message>
        <source>You can now</source>
        <translation>你現在能夠</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>參考文獻</translation>
    </message>
    <message>
        <source>opening a view</source>
        <translation>開啟一個檢視</translation>
    </message>
    <message>
        <source>switching to another scenario</source>
        <translation>切換到另一個情境</translation>
    </message>
</context>
<context>
    <name>LessonSession</name>
    <message>
        <source>%1: the lesson&apos;s scenario could not be started</source>
        <translation>%1：無法啟動課程的情境</translation>
    </message>
    <message>
        <source>The run was changed before it reached the moment of the answer. Choose again.</source>
        <translation>執行在到達揭曉答案的時刻之前就被改變了。請重新選擇。</translation>
    </message>
    <message>
        <source>The run was changed while the lesson was playing it; the lesson goes on from here.</source>
        <translation>課程播放期間，執行被改變了；課程會從這裡繼續。</translation>
    </message>
    <message>
        <source>Your new attempt at this lesson was NOT saved in your progress.</source>
        <translation>這次重新開始課程的紀錄沒有儲存到你的進度中。</translation>
    </message>
    <message>
        <source>Reaching this step was NOT saved in your progress.</source>
        <translation>到達這個步驟的紀錄沒有儲存到你的進度中。</translation>
    </message>
    <message>
        <source>Your answer was NOT saved.</source>
        <translation>你的答案沒有儲存。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>A sentence saying what was not saved, then the progress store&apos;s reason.</extracomment>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>Finishing the lesson was NOT saved in your progress.</source>
        <translation>完成課程的紀錄沒有儲存到你的進度中。</translation>
    </message>
    <message>
        <source>No fair variant of this question was found on the next %1 seeds.</source>
        <translation>接下來的 %1 個種子裡，找不到這個問題的公平變化。</translation>
    </message>
</context>
<context>
    <name>LessonTopic</name>
    <message>
        <source>Foundations</source>
        <translation>基礎</translation>
    </message>
    <message>
        <source>CAP and PACELC</source>
        <translation>CAP 與 PACELC</translation>
    </message>
    <message>
        <source>Time and clocks</source>
        <translation>時間與時鐘</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>複寫</translation>
    </message>
    <message>
        <source>Distributed transactions</source>
        <translation>分散式交易</translation>
    </message>
    <message>
        <source>Atomic commit</source>
        <translation>原子提交</translation>
    </message>
    <message>
        <source>Sagas</source>
        <translation>Saga</translation>
    </message>
    <message>
        <source>Reservations (TCC)</source>
        <translation>預留（TCC）</translation>
    </message>
    <message>
        <source>Reliable messaging</source>
        <translation>可靠的訊息傳遞</translation>
    </message>
    <message>
        <source>Choosing a pattern</source>
        <translation>選擇模式</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Cut a link</source>
        <translation>切斷連結</translation>
    </message>
    <message>
        <source>Heal a link</source>
        <translation>修復連結</translation>
    </message>
    <message>
        <source>Drop the next message on a link</source>
        <translation>丟棄連結上的下一則訊息</translation>
    </message>
    <message>
        <source>Duplicate the next message on a link</source>
        <translation>複製連結上的下一則訊息</translation>
    </message>
    <message>
        <source>One end of the link</source>
        <translation>連結的一端</translation>
    </message>
    <message>
        <source>The other end of the link (links carry messages both ways)</source>
        <translation>連結的另一端（連結是雙向傳送訊息的）</translation>
    </message>
    <message>
        <source>From node:</source>
        <translation>節點：</translation>
    </message>
    <message>
        <source>To node:</source>
        <translation>另一個節點：</translation>
    </message>
    <message>
        <source>Choose two different nodes.</source>
        <translation>請選擇兩個不同的節點。</translation>
    </message>
    <message>
        <source>Takes effect now, after event %1.</source>
        <translation>立即生效：在第 %1 個事件之後。</translation>
    </message>
    <message>
        <source>This link is already cut.</source>
        <translation>這條連結已經切斷了。</translation>
    </message>
    <message>
        <source>This link is not cut.</source>
        <translation>這條連結沒有被切斷。</translation>
    </message>
    <message>
        <source>Already armed on this link.</source>
        <translation>這條連結上已經設定過了。</translation>
    </message>
</context>
<context>
    <name>LinkItem</name>
    <message>
        <source>drop next</source>
        <translation>丟棄下一則</translation>
    </message>
    <message>
        <source>duplicate next</source>
        <translation>複製下一則</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Pause</source>
        <translation>暫停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New scenario…</source>
        <translation>新增情境(&amp;N)…</translation>
    </message>
    <message>
        <source>Start a new scenario: choose a protocol and the number of nodes</source>
        <translation>建立新情境：選擇協定與節點數量</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開啟(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a scenario file (.json), the same format the command line uses</source>
        <translation>開啟情境檔（.json），格式與命令列工具相同</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近開啟的檔案(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>範例(&amp;E)</translation>
    </message>
    <message>
        <source>Clear recent files</source>
        <translation>清除最近開啟的檔案</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the scenario with every fault you injected and the node layout</source>
        <translation>儲存情境，包含你注入的所有故障與節點配置</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存新檔(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>復原「%1」(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <source>Undo the last injected fault; the run replays without it</source>
        <translation>復原最後注入的故障；執行會在沒有它的情況下重播</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做「%1」(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>執行(&amp;R)</translation>
    </message>
    <message>
        <source>Play or pause the run in virtual time</source>
        <translation>以虛擬時間播放或暫停執行</translation>
    </message>
    <message>
        <source>Step &amp;forward</source>
        <translation>單步前進(&amp;F)</translation>
    </message>
    <message>
        <source>Dispatch the next event</source>
        <translation>處理下一個事件</translation>
    </message>
    <message>
        <source>Step &amp;back</source>
        <translation>單步後退(&amp;B)</translation>
    </message>
    <message>
        <source>Go back one event by replaying the run deterministically</source>
        <translation>以決定性重播退回上一個事件</translation>
    </message>
    <message>
        <source>Restart with the &amp;same seed</source>
        <translation>以相同種子重新開始(&amp;S)</translation>
    </message>
    <message>
        <source>Re-roll the s&amp;eed</source>
        <translation>重新抽選種子(&amp;E)</translation>
    </message>
    <message>
        <source>Spee&amp;d</source>
        <translation>速度(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Faster</source>
        <translation>加快(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Slower</source>
        <translation>放慢(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Normal speed (1×)</source>
        <translation>正常速度（1×）(&amp;N)</translation>
    </message>
    <message>
        <source>F&amp;aults</source>
        <translation>故障(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Crash node</source>
        <translation>讓節點當機(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Restart node</source>
        <translation>重新啟動節點(&amp;R)</translation>
    </message>
    <message>
        <source>C&amp;ut link…</source>
        <translation>切斷連結(&amp;U)…</translation>
    </message>
    <message>
        <source>Cut a link: messages on it are lost until it is healed</source>
        <translation>切斷一條連結：在修復之前，經過它的訊息都會遺失</translation>
    </message>
    <message>
        <source>&amp;Heal link</source>
        <translation>修復連結(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Partition…</source>
        <translation>分區(&amp;P)…</translation>
    </message>
    <message>
        <source>Split the nodes into two sides that cannot talk to each other</source>
        <translation>把節點分成無法互相通訊的兩側</translation>
    </message>
    <message>
        <source>Heal the p&amp;artition</source>
        <translation>修復分區(&amp;A)</translation>
    </message>
    <message>
        <source>Heal &amp;all links and partitions</source>
        <translation>修復所有連結與分區(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Drop next message on link…</source>
        <translation>丟棄連結上的下一則訊息(&amp;D)…</translation>
    </message>
    <message>
        <source>D&amp;uplicate next message on link…</source>
        <translation>複製連結上的下一則訊息(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Projector mode</source>
        <translation>投影模式(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen, large text, thick lines and high contrast for a classroom projector</source>
        <translation>全螢幕、大字、粗線條與高對比，適合教室投影</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help overlay</source>
        <translation>說明覆蓋畫面(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>鍵盤快捷鍵(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About CommitScope</source>
        <translation>關於 CommitScope(&amp;A)</translation>
    </message>
    <message>
        <source>Topology</source>
        <translation>拓撲</translation>
    </message>
    <message>
        <source>State machine</source>
        <translation>狀態機</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細資訊</translation>
    </message>
    <message>
        <source>Space-time diagram</source>
        <translation>時空圖</translation>
    </message>
    <message>
        <source>Virtual time of the run (not wall-clock time)</source>
        <translation>這次執行的虛擬時間（不是實際時間）</translation>
    </message>
    <message>
        <source>Events dispatched so far</source>
        <translation>目前已處理的事件數</translation>
    </message>
    <message>
        <source>%1 · stopped early</source>
        <translation>%1 · 已提前停止</translation>
    </message>
    <message>
        <source>The run stopped at %1; what is shown is partial. Shorten the run (until_ms) or lighten the workload.</source>
        <translation>執行在達到%1時停止；畫面上顯示的只是部分結果。請縮短執行時間（until_ms）或減輕工作負載。</translation>
    </message>
    <message>
        <source>Random seed: the same seed and the same faults always give the same run</source>
        <translation>亂數種子：相同的種子加上相同的故障，一定得到相同的執行</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>%1[*] — CommitScope</source>
        <translation>%1[*] — CommitScope</translation>
    </message>
    <message>
        <source>t = %1 ms</source>
        <translation>t = %1 毫秒</translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation>種子 %1</translation>
    </message>
    <message>
        <source>✔ Invariants hold</source>
        <translation>✔ 不變量成立</translation>
    </message>
    <message>
        <source>Every safety invariant of the protocol holds so far</source>
        <translation>到目前為止，協定的所有安全性不變量都成立</translation>
    </message>
    <message>
        <source>✖ Invariant violated: %1</source>
        <translation>✖ 違反不變量：%1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>尚未儲存的變更</translation>
    </message>
    <message>
        <source>The scenario has faults or layout changes that are not saved. Save them?</source>
        <translation>這個情境有尚未儲存的故障或配置變更。要儲存嗎？</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>開啟情境</translation>
    </message>
    <message>
        <source>Scenarios (*.json);;All files (*)</source>
        <translation>情境檔 (*.json);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Cannot open scenario</source>
        <translation>無法開啟情境</translation>
    </message>
    <message>
        <source>%1 could not be opened. The current run is kept.</source>
        <translation>無法開啟 %1，目前的執行保持不變。</translation>
    </message>
    <message>
        <source>Cannot save scenario</source>
        <translation>無法儲存情境</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已儲存 %1</translation>
    </message>
    <message>
        <source>Save scenario</source>
        <translation>儲存情境</translation>
    </message>
    <message>
        <source>Scenarios (*.json)</source>
        <translation>情境檔 (*.json)</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>沒有最近開啟的檔案</translation>
    </message>
    <message>
        <source>No examples</source>
        <translation>沒有範例</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>No link is cut</source>
        <translation>沒有被切斷的連結</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快捷鍵</translation>
    </message>
    <message>
        <source>About CommitScope</source>
        <translation>關於 CommitScope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;CommitScope %1&lt;/h3&gt;&lt;p&gt;A laboratory for distributed transactions: run a protocol message by message, break the network on purpose and watch every node&apos;s state.&lt;/p&gt;&lt;p&gt;Runs are deterministic: the same scenario, seed and faults always give the same trace.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CommitScope %1&lt;/h3&gt;&lt;p&gt;分散式交易實驗室：一則一則訊息地執行協定，刻意破壞網路，觀察每個節點的狀態。&lt;/p&gt;&lt;p&gt;執行具有決定性：相同的情境、種子與故障，一定產生相同的追蹤紀錄。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Lesson complete</source>
        <translation>課程完成</translation>
    </message>
    <message>
        <source>Lesson complete: %1 of %2 questions right at the first try</source>
        <translation>課程完成：%2 道問題中有 %1 道第一次就答對</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>課程(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Browse lessons…</source>
        <translation>瀏覽課程(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose a guided lesson: narration, tasks on the canvas and quizzes</source>
        <translation>選擇一門引導式課程：講解、畫布上的任務與測驗</translation>
    </message>
    <message>
        <source>&amp;Open lesson file…</source>
        <translation>開啟課程檔(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a lesson file (.json) that is not one of the bundled lessons</source>
        <translation>開啟不在內建課程中的課程檔（.json）</translation>
    </message>
    <message>
        <source>&amp;Progress…</source>
        <translation>進度(&amp;P)…</translation>
    </message>
    <message>
        <source>Completion and scores per lesson; reset or export them as CSV</source>
        <translation>各課程的完成度與成績；可重設或匯出為 CSV</translation>
    </message>
    <message>
        <source>&amp;Next step</source>
        <translation>下一頁(&amp;N)</translation>
    </message>
    <message>
        <source>Previous ste&amp;p</source>
        <translation>上一頁(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Teacher mode</source>
        <translation>教師模式(&amp;T)</translation>
    </message>
    <message>
        <source>Jump to any step, reveal answers, show solutions and hide scores</source>
        <translation>可跳到任何一步、顯示答案、示範解法並隱藏分數</translation>
    </message>
    <message>
        <source>&amp;Free play</source>
        <translation>自由練習(&amp;F)</translation>
    </message>
    <message>
        <source>Leave the lesson and keep experimenting with its scenario in the sandbox</source>
        <translation>離開課程，在沙盒中繼續用它的情境做實驗</translation>
    </message>
    <message>
        <source>&amp;Close lesson</source>
        <translation>關閉課程(&amp;C)</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>課程</translation>
    </message>
    <message>
        <source>Lesson progress</source>
        <translation>課程進度</translation>
    </message>
    <message>
        <source>There is no lesson &quot;%1&quot; (neither a bundled lesson id nor a file).</source>
        <translation>找不到課程「%1」（它既不是內建課程的 ID，也不是檔案）。</translation>
    </message>
    <message>
        <source>The lesson could not be started.</source>
        <translation>無法啟動課程。</translation>
    </message>
    <message>
        <source>Cannot open lesson</source>
        <translation>無法開啟課程</translation>
    </message>
    <message>
        <source>The lesson could not be opened. The rest of CommitScope is unaffected.</source>
        <translation>無法開啟這門課程。CommitScope 的其他部分不受影響。</translation>
    </message>
    <message>
        <source>Free play: the lesson&apos;s scenario is yours to change. Home restarts it.</source>
        <translation>自由練習：課程的情境可以任你修改。按 Home 可重新開始。</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>開啟課程</translation>
    </message>
    <message>
        <source>Lessons (*.json);;All files (*)</source>
        <translation>課程檔 (*.json);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Metrics over time</source>
        <translation>指標隨時間變化</translation>
    </message>
    <message>
        <source>Lesson: %1</source>
        <translation>課程：%1</translation>
    </message>
    <message>
        <source>Side pa&amp;nels on the projector</source>
        <translation>投影時顯示側邊面板(&amp;N)</translation>
    </message>
    <message>
        <source>In projector mode, show the state machine, the space-time diagram and the metrics beside the canvas</source>
        <translation>投影模式下，在畫布旁顯示狀態機、時空圖與指標</translation>
    </message>
    <message>
        <source>&amp;Fit view</source>
        <translation>符合視窗(&amp;F)</translation>
    </message>
    <message>
        <source>Show every node in the canvas again: zoom and scrolling reset</source>
        <translation>讓所有節點重新出現在畫布上：縮放與捲動歸位</translation>
    </message>
    <message>
        <source>End the lesson?</source>
        <translation>結束課程？</translation>
    </message>
    <message>
        <source>Opening something else ends the lesson &quot;%1&quot;.</source>
        <translation>開啟其他內容會結束課程「%1」。</translation>
    </message>
    <message>
        <source>Your answers so far are kept in your progress.</source>
        <translation>你到目前為止的作答都會保留在學習進度中。</translation>
    </message>
    <message>
        <source>End the lesson</source>
        <translation>結束課程</translation>
    </message>
    <message>
        <source>Quit CommitScope?</source>
        <translation>要結束 CommitScope 嗎？</translation>
    </message>
    <message>
        <source>You are at step %1 of %2 in the lesson &quot;%3&quot;.</source>
        <translation>你正在課程「%3」的第 %1 步（共 %2 步）。</translation>
    </message>
    <message>
        <source>Your progress is kept: next time, Lessons &gt; Browse lessons offers “Continue at step %1” with your score.</source>
        <translation>你的進度會保留：下次在「課程 &gt; 瀏覽課程」中可以選「從第 %1 步繼續」，得分也會保留。</translation>
    </message>
    <message>
        <source>Some answers could not be saved (see the lesson panel); the others are kept.</source>
        <translation>有些作答無法儲存（請看課程面板）；其他的都已保留。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>結束</translation>
    </message>
    <message>
        <source>PostgreSQL lab</source>
        <translation>PostgreSQL 實驗室</translation>
    </message>
    <message>
        <source>&amp;Compare protocols…</source>
        <translation>比較協定(&amp;C)…</translation>
    </message>
    <message>
        <source>Run this scenario&apos;s workload and faults against several protocols side by side</source>
        <translation>以並排方式，用多個協定執行這個情境的工作負載與故障</translation>
    </message>
    <message>
        <source>Cannot compare these protocols</source>
        <translation>無法比較這些協定</translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln 個事件</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>匯出(&amp;X)…</translation>
    </message>
    <message>
        <source>Write the canvas, the space-time diagram, the chart or the side-by-side view as a picture, the trace, or a one-page run report</source>
        <translation>把畫布、時空圖、圖表或並排比較視圖存成圖檔，或匯出追蹤紀錄、一頁式執行報告</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>after event #%1</source>
        <translation>第 %1 個事件之後</translation>
    </message>
    <message>
        <source>when %1 enters %2</source>
        <translation>當 %1 進入 %2 時</translation>
    </message>
    <message>
        <source>after %1 #%2 is sent</source>
        <translation>第 %2 則 %1 送出之後</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>無法匯出</translation>
    </message>
    <message>
        <source>%1: this can be written as %2</source>
        <translation>%1：這項內容只能存成 %2</translation>
    </message>
    <message>
        <source>Canvas</source>
        <translation>畫布</translation>
    </message>
    <message>
        <source>Metrics chart</source>
        <translation>指標圖表</translation>
    </message>
    <message>
        <source>Side-by-side view</source>
        <translation>並排比較視圖</translation>
    </message>
    <message>
        <source>t = %1 ms · %2 events</source>
        <translation>t = %1 毫秒 · %2 個事件</translation>
    </message>
    <message>
        <source>%1 — %2%3</source>
        <translation>%1 — %2%3</translation>
    </message>
    <message>
        <source> (not yet)</source>
        <translation>（尚未發生）</translation>
    </message>
    <message>
        <source>%1 is not shown in the window: show it first, then export it.</source>
        <translation>視窗中沒有顯示%1：請先讓它顯示，再匯出。</translation>
    </message>
    <message>
        <source>%1 — CommitScope</source>
        <translation>%1 — CommitScope</translation>
    </message>
    <message>
        <source>&amp;What can go wrong?…</source>
        <translation>會出什麼錯？(&amp;W)…</translation>
    </message>
    <message>
        <source>Explore every order of events of this scenario with a few faults, and list what breaks</source>
        <translation>在少量故障下探索這個情境所有可能的事件順序，並列出會出錯的地方</translation>
    </message>
    <message>
        <source>the trace limit (%L1 records)</source>
        <translation>追蹤紀錄上限（%L1 筆）</translation>
    </message>
    <message>
        <source>the event queue limit (%L1 pending events)</source>
        <translation>事件佇列上限（%L1 個待處理事件）</translation>
    </message>
    <message>
        <source>the memory limit (%L1 MiB)</source>
        <translation>記憶體上限（%L1 MiB）</translation>
    </message>
    <message>
        <source>✔ Invariants hold (one in part)</source>
        <translation>✔ 不變量成立（其一只檢查了部分）</translation>
    </message>
    <message>
        <source>Every safety invariant of the protocol holds so far, but %1 only as far as it was checked: its checker gave up on a key with too many operations in flight at once.</source>
        <translation>到目前為止，協定的每個安全不變量都成立；但 %1 只在檢查到的範圍內成立：某個鍵上同時進行中的操作太多，檢查器對它放棄了。</translation>
    </message>
    <message>
        <source>%1 holds the last %2 of the run&apos;s %3 events: the window keeps only the last part of a run this long. For the whole trace, run it with commitscope-cli run FILE --trace OUT.jsonl.</source>
        <translation>%1 只含這次執行 %3 個事件中的最後 %2 個：執行這麼長時，視窗只保留最後一段。要取得完整的追蹤，請用 commitscope-cli run FILE --trace OUT.jsonl 執行。</translation>
    </message>
    <message>
        <source>Part of the trace exported</source>
        <translation>只匯出了部分追蹤</translation>
    </message>
</context>
<context>
    <name>MessageDetails</name>
    <message>
        <source>Details of the selection</source>
        <translation>選取項目的詳細資訊</translation>
    </message>
    <message>
        <source>in flight</source>
        <translation>傳送中</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>已送達</translation>
    </message>
    <message>
        <source>lost: %1</source>
        <translation>已遺失：%1</translation>
    </message>
    <message>
        <source>Message #%1</source>
        <translation>訊息 #%1</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>寄件者 → 收件者</translation>
    </message>
    <message>
        <source>Sent at</source>
        <translation>送出時間</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Arrives at</source>
        <translation>抵達時間</translation>
    </message>
    <message>
        <source>Due at</source>
        <translation>預定抵達</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Fate</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>will be lost: %1</source>
        <translation>將會遺失：%1</translation>
    </message>
    <message>
        <source>Payload a, b</source>
        <translation>酬載 a、b</translation>
    </message>
    <message>
        <source>Payload (more)</source>
        <translation>酬載（其他）</translation>
    </message>
    <message>
        <source>Duplicate of</source>
        <translation>複製自</translation>
    </message>
    <message>
        <source>message #%1</source>
        <translation>訊息 #%1</translation>
    </message>
    <message>
        <source>Link epoch</source>
        <translation>連結世代</translation>
    </message>
    <message>
        <source>running</source>
        <translation>運作中</translation>
    </message>
    <message>
        <source>DOWN — volatile state lost</source>
        <translation>當機 — 揮發性狀態已遺失</translation>
    </message>
    <message>
        <source>State</source>
        <translation>協定狀態</translation>
    </message>
    <message>
        <source>State at crash</source>
        <translation>當機時的狀態</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>阻塞</translation>
    </message>
    <message>
        <source>waiting for a decision it cannot take alone</source>
        <translation>正在等待一個無法自行做出的決定</translation>
    </message>
    <message>
        <source>Crashes</source>
        <translation>當機次數</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>鎖</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <source>none (locks live in memory)</source>
        <translation>無（鎖只存在記憶體中）</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>資源</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持有者</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message numerus="yes">
        <source>Durable log (%n record(s))</source>
        <translation>
            <numerusform>持久日誌（%n 筆紀錄）</numerusform>
        </translation>
    </message>
    <message>
        <source>empty</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>時間（毫秒）</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>紀錄</translation>
    </message>
    <message>
        <source>Txn</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message numerus="yes">
        <source>… %n earlier record(s)</source>
        <translation>
            <numerusform>… 還有 %n 筆較早的紀錄</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a node or a message.</source>
        <translation>請選取一個節點或一則訊息。</translation>
    </message>
    <message>
        <source>Status</source>
        <comment>node: up or down</comment>
        <translation>運作狀況</translation>
    </message>
</context>
<context>
    <name>MetricName</name>
    <message>
        <source>Requests answered</source>
        <translation>已回應的請求</translation>
    </message>
    <message>
        <source>Requests refused</source>
        <translation>被拒絕的請求</translation>
    </message>
    <message>
        <source>Requests timed out</source>
        <translation>逾時的請求</translation>
    </message>
    <message>
        <source>Stale reads</source>
        <translation>過時讀取次數</translation>
    </message>
    <message>
        <source>Operations skipped</source>
        <translation>略過的操作</translation>
    </message>
    <message>
        <source>Operations abandoned</source>
        <translation>放棄的操作</translation>
    </message>
    <message>
        <source>Requests served by replicas</source>
        <translation>複本處理的請求</translation>
    </message>
    <message>
        <source>Requests refused by replicas</source>
        <translation>複本拒絕的請求</translation>
    </message>
    <message>
        <source>Read repairs</source>
        <translation>讀取修復次數</translation>
    </message>
    <message>
        <source>Concurrent writes kept as siblings</source>
        <translation>保留為並列版本的並行寫入</translation>
    </message>
    <message>
        <source>Lost updates</source>
        <translation>遺失的更新</translation>
    </message>
    <message>
        <source>Average read latency</source>
        <translation>平均讀取延遲</translation>
    </message>
    <message>
        <source>Longest read latency</source>
        <translation>最長讀取延遲</translation>
    </message>
    <message>
        <source>Average write latency</source>
        <translation>平均寫入延遲</translation>
    </message>
    <message>
        <source>Longest write latency</source>
        <translation>最長寫入延遲</translation>
    </message>
    <message>
        <source>Writes accepted by servers</source>
        <translation>伺服器接受的寫入</translation>
    </message>
    <message>
        <source>Writes refused by servers</source>
        <translation>伺服器拒絕的寫入</translation>
    </message>
    <message>
        <source>Conflicting writes</source>
        <translation>衝突的寫入</translation>
    </message>
    <message>
        <source>Failovers</source>
        <translation>容錯移轉次數</translation>
    </message>
    <message>
        <source>Writes acknowledged</source>
        <translation>已確認的寫入</translation>
    </message>
    <message>
        <source>Writes failed</source>
        <translation>失敗的寫入</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>重試次數</translation>
    </message>
    <message>
        <source>Primaries right now</source>
        <translation>目前的主節點數</translation>
    </message>
    <message>
        <source>Most primaries at once</source>
        <translation>同時存在的主節點數上限</translation>
    </message>
    <message>
        <source>Transactions committed</source>
        <translation>已提交的交易</translation>
    </message>
    <message>
        <source>Transactions aborted</source>
        <translation>已中止的交易</translation>
    </message>
    <message>
        <source>Locks held</source>
        <translation>持有中的鎖</translation>
    </message>
    <message>
        <source>Termination rounds</source>
        <translation>終止協定回合數</translation>
    </message>
    <message>
        <source>Commits by an elected coordinator</source>
        <translation>新選出的協調者所做的提交</translation>
    </message>
    <message>
        <source>Aborts by an elected coordinator</source>
        <translation>新選出的協調者所做的中止</translation>
    </message>
    <message>
        <source>PRECOMMIT retries</source>
        <translation>PRECOMMIT 重送次數</translation>
    </message>
    <message>
        <source>Commits without every acknowledgement</source>
        <translation>未收齊確認的提交</translation>
    </message>
    <message>
        <source>Conflicting decisions</source>
        <translation>互相衝突的決定</translation>
    </message>
    <message>
        <source>Duplicate decisions</source>
        <translation>重複的決定</translation>
    </message>
    <message>
        <source>In-doubt recoveries</source>
        <translation>不確定狀態的復原</translation>
    </message>
    <message>
        <source>Participants uncertain</source>
        <translation>處於不確定狀態的參與者</translation>
    </message>
    <message>
        <source>Transactions confirmed</source>
        <translation>已確認的交易</translation>
    </message>
    <message>
        <source>Transactions cancelled</source>
        <translation>已取消的交易</translation>
    </message>
    <message>
        <source>Reservations held</source>
        <translation>持有中的預留</translation>
    </message>
    <message>
        <source>Amount frozen</source>
        <translation>凍結金額</translation>
    </message>
    <message>
        <source>Reservations expired</source>
        <translation>已到期的預留</translation>
    </message>
    <message>
        <source>Empty cancels</source>
        <translation>空回滾</translation>
    </message>
    <message>
        <source>Late tries refused</source>
        <translation>被拒絕的遲到 TRY</translation>
    </message>
    <message>
        <source>Confirms refused</source>
        <translation>被拒絕的 CONFIRM</translation>
    </message>
    <message>
        <source>Tries rejected</source>
        <translation>被駁回的 TRY</translation>
    </message>
    <message>
        <source>Duplicates ignored</source>
        <translation>已忽略的重複訊息</translation>
    </message>
    <message>
        <source>Sagas started</source>
        <translation>已開始的 Saga</translation>
    </message>
    <message>
        <source>Sagas completed</source>
        <translation>已完成的 Saga</translation>
    </message>
    <message>
        <source>Sagas compensated</source>
        <translation>已補償的 Saga</translation>
    </message>
    <message>
        <source>Sagas running</source>
        <translation>執行中的 Saga</translation>
    </message>
    <message>
        <source>Steps applied</source>
        <translation>已套用的步驟</translation>
    </message>
    <message>
        <source>Compensations run</source>
        <translation>已執行的補償</translation>
    </message>
    <message>
        <source>Empty compensations</source>
        <translation>空補償</translation>
    </message>
    <message>
        <source>Compensation failures</source>
        <translation>補償失敗次數</translation>
    </message>
    <message>
        <source>Command retries</source>
        <translation>命令重試次數</translation>
    </message>
    <message>
        <source>Late commands refused</source>
        <translation>被拒絕的遲到命令</translation>
    </message>
    <message>
        <source>Step timeouts</source>
        <translation>步驟逾時次數</translation>
    </message>
    <message>
        <source>Stale replies</source>
        <translation>過時的回覆</translation>
    </message>
    <message>
        <source>Dirty reads</source>
        <translation>髒讀次數</translation>
    </message>
    <message>
        <source>Semantic lock waits</source>
        <translation>語意鎖等待次數</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>庫存</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>遞送次數</translation>
    </message>
    <message>
        <source>Duplicate publishes</source>
        <translation>重複發布次數</translation>
    </message>
    <message>
        <source>Events not yet acknowledged</source>
        <translation>尚未確認的事件</translation>
    </message>
    <message>
        <source>Orders committed</source>
        <translation>已提交的訂單</translation>
    </message>
    <message>
        <source>Events published</source>
        <translation>已發布的事件</translation>
    </message>
    <message>
        <source>Events stored by the broker</source>
        <translation>訊息代理已儲存的事件</translation>
    </message>
    <message>
        <source>Effects applied</source>
        <translation>已套用的效果</translation>
    </message>
    <message>
        <source>Duplicate effects</source>
        <translation>重複套用的效果</translation>
    </message>
    <message>
        <source>Duplicates suppressed</source>
        <translation>已略過的重複訊息</translation>
    </message>
    <message>
        <source>Lost events</source>
        <translation>遺失的事件</translation>
    </message>
    <message>
        <source>Events pending</source>
        <translation>待處理的事件</translation>
    </message>
    <message>
        <source>Outbox rows not yet sent</source>
        <translation>發件箱中尚未送出的資料列</translation>
    </message>
    <message>
        <source>Republishes</source>
        <translation>重新發布次數</translation>
    </message>
    <message>
        <source>Redeliveries</source>
        <translation>重新投遞次數</translation>
    </message>
    <message>
        <source>Average latency</source>
        <translation>平均延遲</translation>
    </message>
    <message>
        <source>Longest latency</source>
        <translation>最長延遲</translation>
    </message>
    <message>
        <source>Participants blocked</source>
        <translation>阻塞的參與者</translation>
    </message>
    <message>
        <source>Transactions waiting for a lock</source>
        <translation>等待鎖的交易</translation>
    </message>
    <message>
        <source>Stock available</source>
        <translation>可用庫存</translation>
    </message>
    <message>
        <source>Stock consumed</source>
        <translation>已消耗庫存</translation>
    </message>
    <message>
        <source>Most siblings of one key</source>
        <translation>單一鍵最多並存版本數</translation>
    </message>
    <message>
        <source>Primaries stepping down</source>
        <translation>主節點退位次數</translation>
    </message>
    <message>
        <source>Writes replicated</source>
        <translation>已複寫的寫入</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>任期</translation>
    </message>
    <message>
        <source>Higher ballots started</source>
        <translation>開始的更高輪次</translation>
    </message>
    <message>
        <source>Outcomes decided by a backup leader</source>
        <translation>由備援領導者決定的結果</translation>
    </message>
    <message>
        <source>Stale writes rejected by storage</source>
        <translation>儲存端拒絕的過期寫入</translation>
    </message>
    <message>
        <source>Highest fencing token at storage</source>
        <translation>儲存端見過的最大防護權杖</translation>
    </message>
    <message>
        <source>Sessions in use</source>
        <translation>使用中的連線</translation>
    </message>
    <message>
        <source>Sessions in the pool</source>
        <translation>連線池的連線數</translation>
    </message>
    <message>
        <source>Janitor rollbacks</source>
        <translation>清理程式回滾</translation>
    </message>
</context>
<context>
    <name>MetricShortName</name>
    <message>
        <source>Answered</source>
        <translation>已回應</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>遭拒絕</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>逾時</translation>
    </message>
    <message>
        <source>Stale reads</source>
        <translation>過時讀取</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已略過</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>已放棄</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>副本已服務</translation>
    </message>
    <message>
        <source>Replica refused</source>
        <translation>副本拒絕</translation>
    </message>
    <message>
        <source>Read repairs</source>
        <translation>讀取修復</translation>
    </message>
    <message>
        <source>Siblings</source>
        <translation>並存版本</translation>
    </message>
    <message>
        <source>Lost updates</source>
        <translation>遺失更新</translation>
    </message>
    <message>
        <source>Read avg</source>
        <translation>讀取平均</translation>
    </message>
    <message>
        <source>Read max</source>
        <translation>讀取最長</translation>
    </message>
    <message>
        <source>Write avg</source>
        <translation>寫入平均</translation>
    </message>
    <message>
        <source>Write max</source>
        <translation>寫入最長</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受寫入</translation>
    </message>
    <message>
        <source>Refused writes</source>
        <translation>拒絕寫入</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>衝突寫入</translation>
    </message>
    <message>
        <source>Failovers</source>
        <translation>容錯移轉</translation>
    </message>
    <message>
        <source>Acked writes</source>
        <translation>已確認寫入</translation>
    </message>
    <message>
        <source>Failed writes</source>
        <translation>失敗寫入</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>重試</translation>
    </message>
    <message>
        <source>Primaries</source>
        <translation>主節點數</translation>
    </message>
    <message>
        <source>Max primaries</source>
        <translation>最多主節點</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation>已中止</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>鎖</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>受阻</translation>
    </message>
    <message>
        <source>Lock waits</source>
        <translation>等鎖</translation>
    </message>
    <message>
        <source>Terminations</source>
        <translation>終止回合</translation>
    </message>
    <message>
        <source>Elected commits</source>
        <translation>選出者提交</translation>
    </message>
    <message>
        <source>Elected aborts</source>
        <translation>選出者中止</translation>
    </message>
    <message>
        <source>Unacked</source>
        <translation>未確認提交</translation>
    </message>
    <message>
        <source>Split decisions</source>
        <translation>決定分歧</translation>
    </message>
    <message>
        <source>Dup. decisions</source>
        <translation>重複決定</translation>
    </message>
    <message>
        <source>Recoveries</source>
        <translation>存疑復原</translation>
    </message>
    <message>
        <source>Uncertain</source>
        <translation>不確定</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已確認</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>預留中</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>凍結金額</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已過期</translation>
    </message>
    <message>
        <source>Empty cancels</source>
        <translation>空取消</translation>
    </message>
    <message>
        <source>Late tries</source>
        <translation>遲到的 Try</translation>
    </message>
    <message>
        <source>Confirms refused</source>
        <translation>拒絕確認</translation>
    </message>
    <message>
        <source>Tries rejected</source>
        <translation>Try 遭拒</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重複已忽略</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>已開始</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Compensated</source>
        <translation>已補償</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>執行中</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>已套用步驟</translation>
    </message>
    <message>
        <source>Compensations</source>
        <translation>補償</translation>
    </message>
    <message>
        <source>Empty comps</source>
        <translation>空補償</translation>
    </message>
    <message>
        <source>Comp. failures</source>
        <translation>補償失敗</translation>
    </message>
    <message>
        <source>Cmd retries</source>
        <translation>命令重試</translation>
    </message>
    <message>
        <source>Late commands</source>
        <translation>遲到命令</translation>
    </message>
    <message>
        <source>Step timeouts</source>
        <translation>步驟逾時</translation>
    </message>
    <message>
        <source>Stale replies</source>
        <translation>過時回覆</translation>
    </message>
    <message>
        <source>Dirty reads</source>
        <translation>髒讀</translation>
    </message>
    <message>
        <source>Semantic waits</source>
        <translation>語意鎖等待</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>庫存</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>投遞</translation>
    </message>
    <message>
        <source>Dup. publishes</source>
        <translation>重複發布</translation>
    </message>
    <message>
        <source>Unacked events</source>
        <translation>未確認事件</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>訂單</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已發布</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>已儲存</translation>
    </message>
    <message>
        <source>Effects</source>
        <translation>已生效</translation>
    </message>
    <message>
        <source>Dup. effects</source>
        <translation>重複效果</translation>
    </message>
    <message>
        <source>Suppressed</source>
        <translation>已抑制重複</translation>
    </message>
    <message>
        <source>Lost events</source>
        <translation>遺失事件</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待處理</translation>
    </message>
    <message>
        <source>Unsent</source>
        <translation>未送出</translation>
    </message>
    <message>
        <source>Republishes</source>
        <translation>重新發布</translation>
    </message>
    <message>
        <source>Redeliveries</source>
        <translation>重新投遞</translation>
    </message>
    <message>
        <source>Avg latency</source>
        <translation>平均延遲</translation>
    </message>
    <message>
        <source>Max latency</source>
        <translation>最長延遲</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Consumed</source>
        <translation>已消耗</translation>
    </message>
    <message>
        <source>Max siblings</source>
        <translation>最多並存版本</translation>
    </message>
    <message>
        <source>Step-downs</source>
        <translation>退位</translation>
    </message>
    <message>
        <source>Replicated</source>
        <translation>已複寫</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>任期</translation>
    </message>
    <message>
        <source>Ballots</source>
        <translation>輪次</translation>
    </message>
    <message>
        <source>Backup decisions</source>
        <translation>備援決定</translation>
    </message>
    <message>
        <source>Stale rejected</source>
        <translation>拒絕過期寫入</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>權杖</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>連線</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>連線池</translation>
    </message>
    <message>
        <source>Janitor</source>
        <translation>清理程式</translation>
    </message>
</context>
<context>
    <name>MetricsChartView</name>
    <message numerus="yes">
        <source>At most %n metrics at once: untick one first.</source>
        <translation>
            <numerusform>最多同時顯示 %n 項指標：請先取消勾選一項。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Virtual time (ms)</source>
        <translation>虛擬時間（毫秒）</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>數量</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>延遲（毫秒）</translation>
    </message>
    <message>
        <source>Metrics over virtual time</source>
        <translation>指標隨虛擬時間的變化</translation>
    </message>
    <message>
        <source>Metrics to plot</source>
        <translation>要繪製的指標</translation>
    </message>
    <message>
        <source>now</source>
        <translation>現在</translation>
    </message>
    <message>
        <source>This protocol reports no metrics.</source>
        <translation>這個協定沒有提供任何指標。</translation>
    </message>
    <message>
        <source>Tick a metric in the list to plot it.</source>
        <translation>在清單中勾選指標即可繪製。</translation>
    </message>
    <message numerus="yes">
        <source>Tick up to %n metrics. Faults are marked in red.</source>
        <translation>
            <numerusform>最多可勾選 %n 項指標。故障以紅色標示。</numerusform>
        </translation>
    </message>
    <message>
        <source>CP mode (majority only)</source>
        <translation>CP 模式（僅多數方回應）</translation>
    </message>
    <message>
        <source>CP</source>
        <translation>CP</translation>
    </message>
    <message>
        <source>Last-writer-wins clocks</source>
        <translation>最後寫入者勝時鐘</translation>
    </message>
    <message>
        <source>LWW</source>
        <translation>LWW</translation>
    </message>
    <message>
        <source>Vector clocks</source>
        <translation>向量時鐘</translation>
    </message>
    <message>
        <source>vector</source>
        <translation>向量</translation>
    </message>
    <message>
        <source>AP mode (answers on both sides)</source>
        <translation>AP 模式（兩側都回應）</translation>
    </message>
    <message>
        <source>AP</source>
        <translation>AP</translation>
    </message>
    <message>
        <source>Quorums R = W = 1 (fast, may read stale)</source>
        <translation>法定人數 R = W = 1（快，可能讀到過時值）</translation>
    </message>
    <message>
        <source>(R=W=%1)</source>
        <translation>(R=W=%1)</translation>
    </message>
    <message>
        <source>Majority quorums R = W = %1</source>
        <translation>多數法定人數 R = W = %1</translation>
    </message>
    <message>
        <source>All replicas R = W = %1 (slow)</source>
        <translation>全部複本 R = W = %1（慢）</translation>
    </message>
    <message>
        <source>Without fencing</source>
        <translation>不使用防護機制</translation>
    </message>
    <message>
        <source>no fencing</source>
        <translation>無防護機制</translation>
    </message>
    <message>
        <source>With fencing</source>
        <translation>使用防護機制</translation>
    </message>
    <message>
        <source>fencing</source>
        <translation>防護機制</translation>
    </message>
    <message>
        <source>With a semantic lock</source>
        <translation>使用語意鎖</translation>
    </message>
    <message>
        <source>lock</source>
        <translation>語意鎖</translation>
    </message>
    <message>
        <source>Without a semantic lock</source>
        <translation>不使用語意鎖</translation>
    </message>
    <message>
        <source>no lock</source>
        <translation>無語意鎖</translation>
    </message>
    <message>
        <source>Shorter timeouts (%1 ms)</source>
        <translation>較短的逾時（%1 毫秒）</translation>
    </message>
    <message>
        <source>½ timeout</source>
        <translation>½ 逾時</translation>
    </message>
    <message>
        <source>Longer timeouts (%1 ms)</source>
        <translation>較長的逾時（%1 毫秒）</translation>
    </message>
    <message>
        <source>2× timeout</source>
        <translation>2× 逾時</translation>
    </message>
    <message>
        <source>Shorter reservations (%1 ms)</source>
        <translation>較短的預留期限（%1 毫秒）</translation>
    </message>
    <message>
        <source>½ reservation</source>
        <translation>½ 預留</translation>
    </message>
    <message>
        <source>Longer reservations (%1 ms)</source>
        <translation>較長的預留期限（%1 毫秒）</translation>
    </message>
    <message>
        <source>2× reservation</source>
        <translation>2× 預留</translation>
    </message>
    <message>
        <source>Without an idempotent consumer</source>
        <translation>不使用冪等消費者</translation>
    </message>
    <message>
        <source>not idempotent</source>
        <translation>非冪等</translation>
    </message>
    <message>
        <source>With an idempotent consumer</source>
        <translation>使用冪等消費者</translation>
    </message>
    <message>
        <source>idempotent</source>
        <translation>冪等</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>比較對象：</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>比較對象</translation>
    </message>
    <message>
        <source>No design variant to compare with for this protocol.</source>
        <translation>此協定沒有可比較的設計變體。</translation>
    </message>
    <message>
        <source>Replays the same workload and faults with one setting changed and draws it as dashed lines.</source>
        <translation>以相同的工作負載與故障、只改一項設定重新執行，並以虛線繪出。</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>Dashed: %1, same workload and faults.</source>
        <translation>虛線：%1，相同工作負載與故障。</translation>
    </message>
</context>
<context>
    <name>NewScenarioDialog</name>
    <message>
        <source>New scenario</source>
        <translation>新增情境</translation>
    </message>
    <message>
        <source>The protocol every node runs</source>
        <translation>每個節點執行的協定</translation>
    </message>
    <message>
        <source>Protocol:</source>
        <translation>協定：</translation>
    </message>
    <message>
        <source>Participants:</source>
        <translation>參與者數：</translation>
    </message>
    <message>
        <source>Replicas:</source>
        <translation>複本數：</translation>
    </message>
    <message>
        <source>Servers:</source>
        <translation>伺服器數：</translation>
    </message>
    <message>
        <source>Saga steps:</source>
        <translation>Saga 步驟數：</translation>
    </message>
    <message>
        <source>How large the cluster is; the protocol adds its fixed nodes (coordinator, broker, clients)</source>
        <translation>叢集的大小；協定會另外加上固定的節點（協調者、訊息代理、用戶端）</translation>
    </message>
    <message>
        <source>This protocol cannot be started.</source>
        <translation>無法啟動這個協定。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nodes:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;節點：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Checked at every event:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;每個事件後都檢查：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>Faults you inject are added to the scenario and saved with it.</source>
        <translation>你注入的故障會加入情境，並一起儲存。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Services:</source>
        <translation>服務數：</translation>
    </message>
</context>
<context>
    <name>NodeAids</name>
    <message>
        <source>%1 · %2 ms</source>
        <translation>%1 · %2 毫秒</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>in doubt since %1 ms</source>
        <translation>自 %1 毫秒起未決</translation>
    </message>
    <message>
        <source>blocked since %1 ms</source>
        <translation>自 %1 毫秒起阻塞</translation>
    </message>
    <message>
        <source>in doubt</source>
        <translation>未決</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>阻塞</translation>
    </message>
    <message>
        <source>asked %1 at %2 ms</source>
        <translation>%2 毫秒時詢問了 %1</translation>
    </message>
    <message>
        <source>voted yes to %1 at %2 ms</source>
        <translation>%2 毫秒時向 %1 投贊成票</translation>
    </message>
    <message>
        <source>voted no to %1 at %2 ms</source>
        <translation>%2 毫秒時向 %1 投反對票</translation>
    </message>
    <message>
        <source>sent %1 to %2 at %3 ms</source>
        <translation>%3 毫秒時送 %1 給 %2</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <source>DOWN</source>
        <translation>當機</translation>
    </message>
    <message>
        <source>txn %1</source>
        <translation>交易 %1</translation>
    </message>
    <message>
        <source>BLOCKED</source>
        <translation>阻塞</translation>
    </message>
    <message>
        <source>volatile state lost</source>
        <translation>揮發性狀態已遺失</translation>
    </message>
    <message>
        <source>no locks</source>
        <translation>未持有鎖</translation>
    </message>
    <message>
        <source>WAL</source>
        <translation>WAL（預寫日誌）</translation>
    </message>
    <message>
        <source>WAL — survives the crash</source>
        <translation>WAL（預寫日誌）— 當機後仍保留</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>（空）</translation>
    </message>
</context>
<context>
    <name>ParamForm</name>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>automatic (%1)</source>
        <translation>自動（%1）</translation>
    </message>
    <message>
        <source>Set in the scenario file: %1.</source>
        <translation>請在情境檔中設定：%1。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>ParamText</name>
    <message>
        <source>Participants</source>
        <translation>參與者</translation>
    </message>
    <message>
        <source>Participants P1…Pn besides the coordinator C.</source>
        <translation>協調者 C 以外的參與者 P1…Pn。</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>交易數</translation>
    </message>
    <message>
        <source>How many transactions the client starts.</source>
        <translation>用戶端要發起幾筆交易。</translation>
    </message>
    <message>
        <source>Interval between starts</source>
        <translation>發起間隔</translation>
    </message>
    <message>
        <source>Time between two transactions (or operations) the client starts.</source>
        <translation>用戶端發起兩筆交易（或操作）之間的時間。</translation>
    </message>
    <message>
        <source>Local work</source>
        <translation>本地工作</translation>
    </message>
    <message>
        <source>Local work before the coordinator asks for votes; locks are held meanwhile.</source>
        <translation>協調者徵求投票前的本地工作時間；這段期間鎖一直被持有。</translation>
    </message>
    <message>
        <source>Vote / decision timeout</source>
        <translation>投票／決定逾時</translation>
    </message>
    <message>
        <source>How long the coordinator waits for votes, and a participant for the decision.</source>
        <translation>協調者等待投票、參與者等待決定的時間上限。</translation>
    </message>
    <message>
        <source>Acknowledgement timeout</source>
        <translation>確認逾時</translation>
    </message>
    <message>
        <source>How often the decision is sent again to those that have not acknowledged it.</source>
        <translation>對尚未確認的節點重送決定的間隔。</translation>
    </message>
    <message>
        <source>Forced log write</source>
        <translation>強制寫入日誌</translation>
    </message>
    <message>
        <source>Latency of a forced write to the durable log.</source>
        <translation>強制寫入持久日誌所需的延遲。</translation>
    </message>
    <message>
        <source>Client retry</source>
        <translation>用戶端重試</translation>
    </message>
    <message>
        <source>How often the client tries again while the node it talks to is down.</source>
        <translation>用戶端所連的節點當機時，用戶端重試的間隔。</translation>
    </message>
    <message>
        <source>Resources per participant</source>
        <translation>每個參與者的資源數</translation>
    </message>
    <message>
        <source>Lockable resources each participant holds; fewer means more lock conflicts.</source>
        <translation>每個參與者可上鎖的資源數；越少，鎖衝突越多。</translation>
    </message>
    <message>
        <source>Abort vote probability</source>
        <translation>投票中止的機率</translation>
    </message>
    <message>
        <source>Chance that a participant votes abort, per transaction.</source>
        <translation>每筆交易中，參與者投票中止的機率。</translation>
    </message>
    <message>
        <source>Fixed votes</source>
        <translation>固定投票</translation>
    </message>
    <message>
        <source>PRECOMMIT re-sends</source>
        <translation>PRECOMMIT 重送次數</translation>
    </message>
    <message>
        <source>Re-sends of PRECOMMIT before the coordinator commits without every acknowledgement.</source>
        <translation>協調者在沒收齊所有確認就提交之前，重送 PRECOMMIT 的次數。</translation>
    </message>
    <message>
        <source>Termination window</source>
        <translation>終止協定時窗</translation>
    </message>
    <message>
        <source>How long a termination round gathers the participants&apos; states.</source>
        <translation>一輪終止協定蒐集各參與者狀態的時間。</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服務數</translation>
    </message>
    <message>
        <source>Services (ACCOUNT, INVENTORY, …) besides the transaction manager.</source>
        <translation>交易管理者以外的服務（ACCOUNT、INVENTORY…）。</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Amount each service reserves per transaction.</source>
        <translation>每筆交易中每個服務預留（凍結）的數量。</translation>
    </message>
    <message>
        <source>Largest amount</source>
        <translation>最大金額</translation>
    </message>
    <message>
        <source>When larger than the amount, each transaction&apos;s amount is drawn between the two.</source>
        <translation>若大於「金額」，每筆交易的金額會在兩者之間隨機抽取。</translation>
    </message>
    <message>
        <source>Try work</source>
        <translation>Try 工作時間</translation>
    </message>
    <message>
        <source>A service&apos;s local work on TRY.</source>
        <translation>服務處理 TRY 的本地工作時間。</translation>
    </message>
    <message>
        <source>Try timeout</source>
        <translation>Try 逾時</translation>
    </message>
    <message>
        <source>How long the transaction manager waits for every TRY answer.</source>
        <translation>交易管理者等待所有 TRY 回覆的時間上限。</translation>
    </message>
    <message>
        <source>Re-send period</source>
        <translation>重送間隔</translation>
    </message>
    <message>
        <source>How often an unanswered request (CONFIRM, CANCEL, a saga step) is sent again.</source>
        <translation>未獲回覆的請求（CONFIRM、CANCEL、Saga 步驟）重送的間隔。</translation>
    </message>
    <message>
        <source>Reservation lifetime</source>
        <translation>預留有效期</translation>
    </message>
    <message>
        <source>A reservation expires after this long and the service cancels it on its own.</source>
        <translation>預留超過這段時間就會到期，服務會自行取消它。</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>What each service can reserve in all.</source>
        <translation>每個服務總共可預留的數量。</translation>
    </message>
    <message>
        <source>Sagas</source>
        <translation>Saga 數</translation>
    </message>
    <message>
        <source>How many sagas (orders) the client starts.</source>
        <translation>用戶端要發起幾個 Saga（訂單）。</translation>
    </message>
    <message>
        <source>Saga steps</source>
        <translation>Saga 步驟數</translation>
    </message>
    <message>
        <source>ORDER, PAYMENT, then INVENTORY, then SHIPPING.</source>
        <translation>依序為 ORDER、PAYMENT、INVENTORY、SHIPPING。</translation>
    </message>
    <message>
        <source>Failing step</source>
        <translation>失敗的步驟</translation>
    </message>
    <message>
        <source>The step at which a saga fails.</source>
        <translation>Saga 在哪一個步驟失敗。</translation>
    </message>
    <message>
        <source>How it fails</source>
        <translation>失敗方式</translation>
    </message>
    <message>
        <source>A definitive failure reply, or no reply at all.</source>
        <translation>明確的失敗回覆，或完全沒有回覆。</translation>
    </message>
    <message>
        <source>Failure probability</source>
        <translation>失敗機率</translation>
    </message>
    <message>
        <source>Chance that a saga fails at the failing step.</source>
        <translation>Saga 在失敗步驟真的失敗的機率。</translation>
    </message>
    <message>
        <source>Failed compensations</source>
        <translation>補償失敗次數</translation>
    </message>
    <message>
        <source>Each compensation fails this many times before it succeeds.</source>
        <translation>每次補償在成功之前先失敗的次數。</translation>
    </message>
    <message>
        <source>Sagas that may fail</source>
        <translation>可能失敗的 Saga</translation>
    </message>
    <message>
        <source>Only these sagas may fail.</source>
        <translation>只有這些 Saga 可能失敗。</translation>
    </message>
    <message>
        <source>Step deadline</source>
        <translation>步驟期限</translation>
    </message>
    <message>
        <source>Deadline of a forward step; 0 waits forever, and a hung service then blocks the saga.</source>
        <translation>正向步驟的期限；0 表示永遠等待，服務卡住時 Saga 就會被阻塞。</translation>
    </message>
    <message>
        <source>Concurrent reader</source>
        <translation>並行讀取者</translation>
    </message>
    <message>
        <source>Finite stock and a second reader, to show a dirty read between sagas.</source>
        <translation>有限庫存加上第二個讀取者，用來展示 Saga 之間的髒讀。</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>庫存</translation>
    </message>
    <message>
        <source>INVENTORY&apos;s stock; -1 is unlimited.</source>
        <translation>INVENTORY 的庫存；-1 表示無限。</translation>
    </message>
    <message>
        <source>Isolation countermeasure</source>
        <translation>隔離對策</translation>
    </message>
    <message>
        <source>How the saga keeps others from reading its unfinished work.</source>
        <translation>Saga 如何避免別人讀到它尚未完成的工作。</translation>
    </message>
    <message>
        <source>Redelivery period</source>
        <translation>重新投遞間隔</translation>
    </message>
    <message>
        <source>The broker delivers again when no delivery acknowledgement came.</source>
        <translation>沒有收到投遞確認時，訊息代理重新投遞的間隔。</translation>
    </message>
    <message>
        <source>Re-publish period</source>
        <translation>重新發布間隔</translation>
    </message>
    <message>
        <source>A service publishes its event again when no publish acknowledgement came.</source>
        <translation>沒有收到發布確認時，服務重新發布事件的間隔。</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>訂單數</translation>
    </message>
    <message>
        <source>How many orders the client places.</source>
        <translation>用戶端要下幾張訂單。</translation>
    </message>
    <message>
        <source>Relay polling period</source>
        <translation>中繼程式輪詢間隔</translation>
    </message>
    <message>
        <source>How often the relay reads the outbox table.</source>
        <translation>中繼程式讀取發件箱資料表的間隔。</translation>
    </message>
    <message>
        <source>Rows per poll</source>
        <translation>每次輪詢列數</translation>
    </message>
    <message>
        <source>How many outbox rows the relay takes at a time.</source>
        <translation>中繼程式每次從發件箱取出的列數。</translation>
    </message>
    <message>
        <source>Publish timeout</source>
        <translation>發布逾時</translation>
    </message>
    <message>
        <source>Publish again when no publish acknowledgement came.</source>
        <translation>沒有收到發布確認時重新發布。</translation>
    </message>
    <message>
        <source>Idempotent consumer</source>
        <translation>冪等消費者</translation>
    </message>
    <message>
        <source>The consumer remembers processed events and skips duplicates.</source>
        <translation>消費者記住已處理的事件，並略過重複的事件。</translation>
    </message>
    <message>
        <source>Commit-to-publish delay</source>
        <translation>提交到發布的延遲</translation>
    </message>
    <message>
        <source>Time between the commit and the publish; a crash in it loses the event.</source>
        <translation>提交與發布之間的時間；這段期間當機就會遺失事件。</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>CP refuses without a majority quorum; AP answers from the local replica.</source>
        <translation>CP 在沒有多數派法定人數時拒絕服務；AP 直接用本地複本回答。</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>複本數</translation>
    </message>
    <message>
        <source>Replicas R1…Rn.</source>
        <translation>複本 R1…Rn。</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>用戶端數</translation>
    </message>
    <message>
        <source>Clients K1…Km.</source>
        <translation>用戶端 K1…Km。</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>操作數</translation>
    </message>
    <message>
        <source>Operations, taken in turn by the clients.</source>
        <translation>操作數，由各用戶端輪流發出。</translation>
    </message>
    <message>
        <source>Share of writes</source>
        <translation>寫入比例</translation>
    </message>
    <message>
        <source>Chance that an operation is a write.</source>
        <translation>一個操作是寫入的機率。</translation>
    </message>
    <message>
        <source>Registers</source>
        <translation>暫存器數</translation>
    </message>
    <message>
        <source>How many registers (keys) the replicas hold.</source>
        <translation>複本持有的暫存器（鍵）數量。</translation>
    </message>
    <message>
        <source>Read quorum</source>
        <translation>讀取法定人數</translation>
    </message>
    <message>
        <source>Replicas a CP read asks.</source>
        <translation>CP 讀取要詢問的複本數。</translation>
    </message>
    <message>
        <source>Write quorum</source>
        <translation>寫入法定人數</translation>
    </message>
    <message>
        <source>Replicas a CP write stores at.</source>
        <translation>CP 寫入要存到的複本數。</translation>
    </message>
    <message>
        <source>Quorum timeout</source>
        <translation>法定人數逾時</translation>
    </message>
    <message>
        <source>A CP replica gives up and answers FAIL.</source>
        <translation>CP 複本放棄並回覆 FAIL 的時間。</translation>
    </message>
    <message>
        <source>Operation timeout</source>
        <translation>操作逾時</translation>
    </message>
    <message>
        <source>A client gives up waiting for an answer.</source>
        <translation>用戶端放棄等待回覆的時間。</translation>
    </message>
    <message>
        <source>Conflict resolution</source>
        <translation>衝突解決</translation>
    </message>
    <message>
        <source>AP: last-writer-wins timestamps, or vector clocks that keep siblings.</source>
        <translation>AP：以時間戳記「最後寫入者勝」，或用保留並存版本的向量時鐘。</translation>
    </message>
    <message>
        <source>Anti-entropy period</source>
        <translation>反熵同步間隔</translation>
    </message>
    <message>
        <source>How often AP replicas exchange their values (0: never; they then converge only through the writes they forward).</source>
        <translation>AP 複本互相交換數值的間隔（0：從不交換；此時複本只靠轉送的寫入趨於一致）。</translation>
    </message>
    <message>
        <source>Client attachment</source>
        <translation>用戶端連線對象</translation>
    </message>
    <message>
        <source>Which replica each client talks to.</source>
        <translation>每個用戶端連到哪一個複本。</translation>
    </message>
    <message>
        <source>Clock skew</source>
        <translation>時鐘偏差</translation>
    </message>
    <message>
        <source>Each replica&apos;s clock offset (AP, last writer wins).</source>
        <translation>每個複本的時鐘偏移（AP、最後寫入者勝）。</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>伺服器數</translation>
    </message>
    <message>
        <source>Servers N1…Nn; with two and fencing, no failover is possible.</source>
        <translation>伺服器 N1…Nn；只有兩台且啟用防護機制（fencing）時無法容錯移轉。</translation>
    </message>
    <message>
        <source>Fencing</source>
        <translation>防護機制（fencing）</translation>
    </message>
    <message>
        <source>Majority votes and leases; without them a backup takes over alone and split brain is possible.</source>
        <translation>多數派投票與租約；沒有它們時，備援會自行接手，可能發生腦裂。</translation>
    </message>
    <message>
        <source>Writes</source>
        <translation>寫入數</translation>
    </message>
    <message>
        <source>Writes, taken in turn by the clients.</source>
        <translation>寫入數，由各用戶端輪流發出。</translation>
    </message>
    <message>
        <source>Heartbeat period</source>
        <translation>心跳間隔</translation>
    </message>
    <message>
        <source>How often the primary says it is alive.</source>
        <translation>主節點宣告自己存活的間隔。</translation>
    </message>
    <message>
        <source>Failover after</source>
        <translation>容錯移轉等待</translation>
    </message>
    <message>
        <source>Silence before a backup takes over.</source>
        <translation>備援接手前要經過的沉默時間。</translation>
    </message>
    <message>
        <source>Lease length</source>
        <translation>租約長度</translation>
    </message>
    <message>
        <source>With fencing: how long a lease and a vote promise last.</source>
        <translation>啟用防護機制時：租約與投票承諾的有效時間。</translation>
    </message>
    <message>
        <source>Client timeout</source>
        <translation>用戶端逾時</translation>
    </message>
    <message>
        <source>A client gives up waiting for the write&apos;s answer and asks again.</source>
        <translation>用戶端放棄等待寫入回覆並重新請求的時間。</translation>
    </message>
    <message>
        <source>Attempts per write</source>
        <translation>每筆寫入的嘗試次數</translation>
    </message>
    <message>
        <source>How often a client tries one write before it gives up.</source>
        <translation>用戶端放棄之前，對同一筆寫入嘗試的次數。</translation>
    </message>
    <message>
        <source>none (every saga succeeds)</source>
        <translation>無（每個 Saga 都成功）</translation>
    </message>
    <message>
        <source>ORDER</source>
        <translation>ORDER（訂單）</translation>
    </message>
    <message>
        <source>PAYMENT</source>
        <translation>PAYMENT（付款）</translation>
    </message>
    <message>
        <source>INVENTORY</source>
        <translation>INVENTORY（庫存）</translation>
    </message>
    <message>
        <source>SHIPPING</source>
        <translation>SHIPPING（出貨）</translation>
    </message>
    <message>
        <source>a failure reply (business error)</source>
        <translation>失敗回覆（業務錯誤）</translation>
    </message>
    <message>
        <source>no reply (timeout)</source>
        <translation>沒有回覆（逾時）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <source>semantic lock</source>
        <translation>語意鎖</translation>
    </message>
    <message>
        <source>CP (consistent, may refuse)</source>
        <translation>CP（一致，可能拒絕服務）</translation>
    </message>
    <message>
        <source>AP (available, may diverge)</source>
        <translation>AP（可用，可能分歧）</translation>
    </message>
    <message>
        <source>last writer wins</source>
        <translation>最後寫入者勝</translation>
    </message>
    <message>
        <source>vector clocks</source>
        <translation>向量時鐘</translation>
    </message>
    <message>
        <source>Tolerated faults F</source>
        <translation>可容忍的故障數 F</translation>
    </message>
    <message>
        <source>Paxos Commit runs 2F+1 acceptors A1…A(2F+1), so that F of them and the leader may crash.</source>
        <translation>Paxos Commit 使用 2F+1 個接受者 A1…A(2F+1)，其中 F 個和領導者當機時仍能完成。</translation>
    </message>
    <message>
        <source>Stock compensation</source>
        <translation>庫存的補償方式</translation>
    </message>
    <message>
        <source>How RELEASE_STOCK undoes a reservation: add the unit back, or write back the stock read before it (a lost update if another saga reserved meanwhile).</source>
        <translation>RELEASE_STOCK 如何收回預留：把那一件加回去，或寫回預留前讀到的庫存（若期間有別的 Saga 預留，就會造成遺失更新）。</translation>
    </message>
    <message>
        <source>Fencing token at storage</source>
        <translation>儲存端檢查防護權杖</translation>
    </message>
    <message>
        <source>A STORAGE node holds the data and rejects a write whose term (fencing token) is older than one it has seen; elections need a majority.</source>
        <translation>由 STORAGE 節點保存資料，並拒絕任期（防護權杖）比它見過的還舊的寫入；選舉需要多數票。</translation>
    </message>
    <message>
        <source>undo (add the unit back)</source>
        <translation>反向補償（加回一件）</translation>
    </message>
    <message>
        <source>restore (write back the old stock)</source>
        <translation>還原快照（寫回舊庫存）</translation>
    </message>
    <message>
        <source>Sessions per participant</source>
        <translation>每個參與者的連線數</translation>
    </message>
    <message>
        <source>Connection pool size (0: unlimited); a transaction that finds no free session fails.</source>
        <translation>連線池大小（0：不限）；找不到空閒連線的交易會失敗。</translation>
    </message>
    <message>
        <source>Session given back</source>
        <translation>歸還連線的時機</translation>
    </message>
    <message>
        <source>When a transaction gives its session back: at READY, as PREPARE TRANSACTION detaches it, or at the decision.</source>
        <translation>交易何時歸還連線：在 READY 時（PREPARE TRANSACTION 讓交易脫離連線），或等到決策之後。</translation>
    </message>
    <message>
        <source>Janitor</source>
        <translation>清理程式</translation>
    </message>
    <message>
        <source>0: off; else a participant rolls back a transaction left READY this long (a heuristic decision).</source>
        <translation>0：關閉；否則參與者會把停在 READY 這麼久的交易回滾（啟發式決策）。</translation>
    </message>
    <message>
        <source>at READY (PREPARE TRANSACTION)</source>
        <translation>在 READY 時（PREPARE TRANSACTION）</translation>
    </message>
    <message>
        <source>at the decision</source>
        <translation>在決策之後</translation>
    </message>
    <message>
        <source>Participants that vote abort: on every transaction, or only on the listed ones.</source>
        <translation>會投中止票的參與者：每一筆交易都投，或只對列出的交易投。</translation>
    </message>
    <message>
        <source>Downstream services</source>
        <translation>下游服務數</translation>
    </message>
    <message>
        <source>How many downstream services (consumers) receive every order&apos;s event; an order is done when all of them have applied it.</source>
        <translation>有幾個下游服務（消費者）接收每筆訂單的事件；全部都套用了，這筆訂單才算完成。</translation>
    </message>
</context>
<context>
    <name>PartitionDialog</name>
    <message>
        <source>Partition the network</source>
        <translation>將網路分區</translation>
    </message>
    <message>
        <source>Put each node on side A or side B. Messages between the two sides are lost until the partition is healed; links inside a side keep working.</source>
        <translation>把每個節點放在 A 側或 B 側。在分區修復之前，兩側之間的訊息都會遺失；同一側內的連結照常運作。</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>節點</translation>
    </message>
    <message>
        <source>Side A</source>
        <translation>A 側</translation>
    </message>
    <message>
        <source>Side B</source>
        <translation>B 側</translation>
    </message>
    <message>
        <source>Put %1 on side A</source>
        <translation>把 %1 放在 A 側</translation>
    </message>
    <message>
        <source>Put %1 on side B</source>
        <translation>把 %1 放在 B 側</translation>
    </message>
    <message>
        <source>Takes effect now, after event %1.</source>
        <translation>立即生效：在第 %1 個事件之後。</translation>
    </message>
    <message>
        <source>Each side needs at least one node.</source>
        <translation>每一側至少要有一個節點。</translation>
    </message>
</context>
<context>
    <name>PgLabPanel</name>
    <message>
        <source>SQL sent to the server, and its answers</source>
        <translation>送到伺服器的 SQL，以及伺服器的回答</translation>
    </message>
    <message>
        <source>PostgreSQL could not be started, so this lesson&apos;s lab cannot run. The rest of CommitScope works as usual.

To run the lab, install PostgreSQL and Qt&apos;s PostgreSQL driver:
sudo apt-get install postgresql libqt6sql6-psql

The server said: %1</source>
        <translation>無法啟動 PostgreSQL，所以這一課的實驗室無法執行。CommitScope 的其他功能照常運作。

要執行實驗室，請安裝 PostgreSQL 和 Qt 的 PostgreSQL 驅動程式：
sudo apt-get install postgresql libqt6sql6-psql

伺服器的訊息：%1</translation>
    </message>
    <message>
        <source>Starting a private PostgreSQL server (initdb, then pg_ctl start)…</source>
        <translation>正在啟動私人的 PostgreSQL 伺服器（先 initdb，再 pg_ctl start）…</translation>
    </message>
    <message>
        <source>The lab&apos;s server starts with the lesson&apos;s first SQL step.</source>
        <translation>實驗室的伺服器會在課程的第一個 SQL 步驟啟動。</translation>
    </message>
    <message>
        <source>   ERROR (%1): %2</source>
        <translation>   錯誤（%1）：%2</translation>
    </message>
    <message>
        <source>Your own SQL: available in free mode, once the lab&apos;s steps are done.</source>
        <translation>自己的 SQL：實驗的步驟全部完成後，在自由模式中可用。</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>執行</translation>
    </message>
    <message>
        <source>Free mode: your own SQL for a participant&apos;s database (Ctrl+Enter runs it).</source>
        <translation>自由模式：在參與者的資料庫上執行你自己的 SQL（Ctrl+Enter 執行）。</translation>
    </message>
    <message>
        <source>Try BEGIN, an UPDATE of account, PREPARE TRANSACTION &apos;mine&apos;, then COMMIT PREPARED &apos;mine&apos;</source>
        <translation>試試 BEGIN、UPDATE account、PREPARE TRANSACTION &apos;mine&apos;，再 COMMIT PREPARED &apos;mine&apos;</translation>
    </message>
    <message>
        <source>Private PostgreSQL %1 server: a throwaway cluster, Unix socket only.</source>
        <translation>私人的 PostgreSQL %1 伺服器：用完即丟的叢集，只開 Unix socket。</translation>
    </message>
    <message>
        <source>PostgreSQL %1, started for this lesson in a temporary directory; it listens on a Unix socket, on no network port, and is removed when the lesson closes.</source>
        <translation>PostgreSQL %1：為這一課在暫存目錄裡啟動，只在 Unix socket 上聽，不開任何網路埠，課程關閉時就刪除。</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Progress</source>
        <translation>進度</translation>
    </message>
    <message>
        <source>Reset progress</source>
        <translation>重設進度</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>課程</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完成度</translation>
    </message>
    <message>
        <source>Best score</source>
        <translation>最佳成績</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>嘗試次數</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>上次嘗試</translation>
    </message>
    <message>
        <source>Reset this lesson…</source>
        <translation>重設這門課程…</translation>
    </message>
    <message>
        <source>Reset all…</source>
        <translation>全部重設…</translation>
    </message>
    <message>
        <source>Export answers (CSV)…</source>
        <translation>匯出作答紀錄（CSV）…</translation>
    </message>
    <message>
        <source>Export summary (CSV)…</source>
        <translation>匯出摘要（CSV）…</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>匯出進度</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 檔 (*.csv)</translation>
    </message>
    <message>
        <source>Progress is saved in %1</source>
        <translation>進度儲存在 %1</translation>
    </message>
    <message>
        <source>Progress is saved in %1. %2</source>
        <translation>進度儲存在 %1。%2</translation>
    </message>
    <message>
        <source>Progress is kept in memory only and is lost when CommitScope closes. %1</source>
        <translation>進度只保存在記憶體中，關閉 CommitScope 後就會遺失。%1</translation>
    </message>
    <message>
        <source>Progress cannot be recorded. %1</source>
        <translation>無法記錄進度。%1</translation>
    </message>
    <message>
        <source>✔ done</source>
        <translation>✔ 完成</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Forget every answer and step of “%1”? This cannot be undone.</source>
        <translation>要清除「%1」的所有作答與步驟紀錄嗎？這個動作無法復原。</translation>
    </message>
    <message>
        <source>Forget the progress of every lesson? This cannot be undone.</source>
        <translation>要清除所有課程的進度嗎？這個動作無法復原。</translation>
    </message>
    <message>
        <source>%1 could not be written. %2</source>
        <translation>無法寫入 %1。%2</translation>
    </message>
    <message>
        <source>The lesson was NOT reset: %1</source>
        <translation>課程沒有重設：%1</translation>
    </message>
    <message>
        <source>The progress was NOT reset: %1</source>
        <translation>進度沒有重設：%1</translation>
    </message>
</context>
<context>
    <name>ProgressStore</name>
    <message>
        <source>no folder for application data is known on this system</source>
        <translation>這個系統上沒有已知的應用程式資料夾</translation>
    </message>
    <message>
        <source>the folder cannot be created</source>
        <translation>無法建立資料夾</translation>
    </message>
    <message>
        <source>the folder is read-only</source>
        <translation>資料夾是唯讀的</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a file</source>
        <translation>「%1」不是檔案</translation>
    </message>
    <message>
        <source>Progress cannot be saved in &quot;%1&quot; (%2). It is kept in memory and will be lost when CommitScope closes.</source>
        <translation>無法將進度儲存在「%1」（%2）。進度會暫存在記憶體中，關閉 CommitScope 後就會遺失。</translation>
    </message>
    <message>
        <source>it was written by a newer version of CommitScope (schema %1; this version knows up to %2)</source>
        <translation>它是由較新版本的 CommitScope 寫入的（資料結構版本 %1；這個版本最高只支援到 %2）</translation>
    </message>
    <message>
        <source>it is damaged or not a progress file: %1</source>
        <translation>檔案已損壞，或不是進度檔：%1</translation>
    </message>
    <message>
        <source>The progress file &quot;%1&quot; cannot be used (%2) and could not be moved aside (%3). Progress is kept in memory and will be lost when CommitScope closes.</source>
        <translation>無法使用進度檔「%1」（%2），也無法把它移到一旁（%3）。進度會暫存在記憶體中，關閉 CommitScope 後就會遺失。</translation>
    </message>
    <message>
        <source>The progress file &quot;%1&quot; could not be used (%2). It was kept as &quot;%3&quot; and a new progress file was started.</source>
        <translation>無法使用進度檔「%1」（%2）。原檔已保留為「%3」，並已建立新的進度檔。</translation>
    </message>
    <message>
        <source>A new progress file could not be started either (%1). Progress is kept in memory and will be lost when CommitScope closes.</source>
        <translation>也無法建立新的進度檔（%1）。進度會暫存在記憶體中，關閉 CommitScope 後就會遺失。</translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver (QSQLITE) is not available</source>
        <translation>無法使用 Qt 的 SQLite 驅動程式（QSQLITE）</translation>
    </message>
    <message>
        <source>The progress could not be exported: nothing to write to.</source>
        <translation>無法匯出進度：沒有可寫入的目標。</translation>
    </message>
    <message>
        <source>The progress could not be exported: %1</source>
        <translation>無法匯出進度：%1</translation>
    </message>
    <message>
        <source>The progress could not be exported to &quot;%1&quot;: %2</source>
        <translation>無法將進度匯出到「%1」：%2</translation>
    </message>
    <message>
        <source>Progress cannot be recorded at all: %1</source>
        <translation>完全無法記錄進度：%1</translation>
    </message>
    <message>
        <source>progress tables are missing</source>
        <translation>缺少進度資料表</translation>
    </message>
    <message>
        <source>Progress could not be saved: %1</source>
        <translation>無法儲存進度：%1</translation>
    </message>
    <message>
        <source>The progress store is not open.</source>
        <translation>進度資料庫尚未開啟。</translation>
    </message>
    <message>
        <source>the progress file cannot be read: check its owner and permissions</source>
        <translation>無法讀取進度檔：請檢查它的擁有者和權限</translation>
    </message>
    <message>
        <source>the progress file is read-only: check its owner and permissions</source>
        <translation>進度檔是唯讀的：請檢查它的擁有者和權限</translation>
    </message>
    <message numerus="yes">
        <source>another CommitScope using it kept it locked for more than %n second(s)</source>
        <translation>
            <numerusform>另一個正在使用它的 CommitScope 將它鎖定超過 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>it holds tables this version cannot upgrade: %1</source>
        <translation>其中的資料表是這個版本無法升級的：%1</translation>
    </message>
    <message>
        <source>The progress file &quot;%1&quot; could not be used (%2). It was left unchanged. Progress is kept in memory and will be lost when CommitScope closes.</source>
        <translation>無法使用進度檔「%1」（%2）。原檔保持不變。進度會暫存在記憶體中，關閉 CommitScope 後就會遺失。</translation>
    </message>
    <message numerus="yes">
        <source>Progress could not be saved: another CommitScope window using the same progress file kept it locked for more than %n second(s).</source>
        <translation>
            <numerusform>無法儲存進度：另一個使用同一個進度檔的 CommitScope 視窗將它鎖定超過 %n 秒。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunReport</name>
    <message>
        <source>(not shown in the window)</source>
        <translation>（視窗中未顯示）</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>…… 另有 %1 項</translation>
    </message>
    <message>
        <source>CommitScope run report</source>
        <translation>CommitScope 執行報告</translation>
    </message>
    <message>
        <source>Scenario: %1 · Protocol: %2 · Seed: %3 · Shown at %4</source>
        <translation>情境：%1 · 協定：%2 · 種子：%3 · 顯示於 %4</translation>
    </message>
    <message>
        <source>%1: cannot write the report</source>
        <translation>%1：無法寫入報告</translation>
    </message>
    <message>
        <source>Topology</source>
        <translation>拓撲</translation>
    </message>
    <message>
        <source>Metrics over virtual time</source>
        <translation>指標隨虛擬時間的變化</translation>
    </message>
    <message>
        <source>Space-time diagram</source>
        <translation>時空圖</translation>
    </message>
    <message>
        <source>✔ %1 holds — %2</source>
        <translation>✔ %1 成立 — %2</translation>
    </message>
    <message>
        <source>✖ %1 violated — %2</source>
        <translation>✖ 違反 %1 — %2</translation>
    </message>
    <message>
        <source>No faults.</source>
        <translation>沒有故障。</translation>
    </message>
    <message>
        <source>Fault timeline</source>
        <translation>故障時間軸</translation>
    </message>
    <message>
        <source>Invariant verdicts</source>
        <translation>不變量判定</translation>
    </message>
</context>
<context>
    <name>SpacetimeView</name>
    <message>
        <source>Space-time diagram</source>
        <translation>時空圖</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · txn %2&lt;br&gt;%3 → %4&lt;br&gt;sent %5 ms</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · 交易 %2&lt;br&gt;%3 → %4&lt;br&gt;%5 毫秒送出</translation>
    </message>
    <message>
        <source>delivered %1 ms</source>
        <translation>%1 毫秒送達</translation>
    </message>
    <message>
        <source>lost at %1 ms: %2</source>
        <translation>%1 毫秒遺失：%2</translation>
    </message>
    <message>
        <source>in flight</source>
        <translation>傳送中</translation>
    </message>
    <message>
        <source>payload a = %1, b = %2</source>
        <translation>酬載 a = %1，b = %2</translation>
    </message>
    <message>
        <source>down</source>
        <translation>當機</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>now %1 ms</source>
        <translation>現在 %1 毫秒</translation>
    </message>
    <message>
        <source>node</source>
        <translation>節點</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>CommitScope: a laboratory for distributed transactions (two-phase commit and more).</source>
        <translation>CommitScope：分散式交易實驗室（兩階段提交等協定）。</translation>
    </message>
    <message>
        <source>Interface language: en or zh-TW.</source>
        <translation>介面語言：en 或 zh-TW。</translation>
    </message>
    <message>
        <source>Start in projector mode.</source>
        <translation>以投影模式啟動。</translation>
    </message>
    <message>
        <source>Open this scenario file instead of the default.</source>
        <translation>開啟這個情境檔，而不是預設情境。</translation>
    </message>
    <message>
        <source>Advance the run to this virtual time (ms) before showing it.</source>
        <translation>顯示之前先把執行推進到這個虛擬時間（毫秒）。</translation>
    </message>
    <message>
        <source>Window size, e.g. 1600x1000.</source>
        <translation>視窗大小，例如 1600x1000。</translation>
    </message>
    <message>
        <source>Override the scenario&apos;s seed.</source>
        <translation>覆寫情境的亂數種子。</translation>
    </message>
    <message>
        <source>Keep settings in this directory instead of the user&apos;s.</source>
        <translation>把設定存放在這個目錄，而不是使用者的設定目錄。</translation>
    </message>
    <message>
        <source>--lang: unknown language &quot;%1&quot; (use en or zh-TW)</source>
        <translation>--lang：不認識的語言「%1」（請用 en 或 zh-TW）</translation>
    </message>
    <message>
        <source>--at-ms: &quot;%1&quot; is not a time in milliseconds</source>
        <translation>--at-ms：「%1」不是以毫秒表示的時間</translation>
    </message>
    <message>
        <source>--size: &quot;%1&quot; is not WIDTHxHEIGHT, e.g. 1600x1000</source>
        <translation>--size：「%1」不是「寬x高」的格式，例如 1600x1000</translation>
    </message>
    <message>
        <source>--seed: &quot;%1&quot; is not a non-negative integer</source>
        <translation>--seed：「%1」不是非負整數</translation>
    </message>
    <message>
        <source>%1: cannot write the screenshot</source>
        <translation>%1：無法寫入螢幕截圖</translation>
    </message>
    <message>
        <source>Open this lesson (a lesson id such as 07-two-phase-commit, or a lesson file).</source>
        <translation>開啟這門課程（課程 ID，例如 07-two-phase-commit，或課程檔）。</translation>
    </message>
    <message>
        <source>Go to this step of the lesson (1 = first), completing the steps before it.</source>
        <translation>跳到課程的這一步（1 = 第一步），並完成之前的所有步驟。</translation>
    </message>
    <message>
        <source>Start in teacher mode.</source>
        <translation>以教師模式啟動。</translation>
    </message>
    <message>
        <source>Read the lesson list from this directory instead of the bundled lessons.</source>
        <translation>從這個目錄讀取課程清單，而不是使用內建課程。</translation>
    </message>
    <message>
        <source>--lesson-step: &quot;%1&quot; is not a step number (1 or more)</source>
        <translation>--lesson-step：「%1」不是步驟編號（須為 1 以上）</translation>
    </message>
    <message>
        <source>--lesson-step needs --lesson</source>
        <translation>--lesson-step 必須搭配 --lesson 使用</translation>
    </message>
    <message>
        <source>--seed: &quot;%1&quot; is too large; the largest seed is %2</source>
        <translation>--seed：「%1」太大；種子最大為 %2</translation>
    </message>
    <message>
        <source>Open File &gt; Compare protocols with these protocols (comma-separated, 2 to 4), e.g. 2pc,saga-orchestration; a --screenshot is then of that window.</source>
        <translation>以這些協定開啟「檔案 &gt; 比較協定」（以逗號分隔，2 到 4 個），例如 2pc,saga-orchestration；此時 --screenshot 擷取的是那個視窗。</translation>
    </message>
    <message>
        <source>--compare: %1</source>
        <translation>--compare：%1</translation>
    </message>
    <message>
        <source>Render the window offscreen to a file and exit: PNG, or SVG or PDF (text stays text) by the extension .svg or .pdf.</source>
        <translation>在螢幕外把視窗繪製到檔案後結束：預設為 PNG；副檔名為 .svg 或 .pdf 時輸出 SVG 或 PDF（文字保持為文字）。</translation>
    </message>
</context>
<context>
    <name>StateMachineView</name>
    <message>
        <source>State machine of the selected node</source>
        <translation>所選節點的狀態機</translation>
    </message>
    <message>
        <source>%1 state machine</source>
        <translation>%1狀態機</translation>
    </message>
    <message>
        <source>DOWN</source>
        <translation>當機</translation>
    </message>
    <message>
        <source>No transition yet</source>
        <translation>尚無狀態轉換</translation>
    </message>
    <message>
        <source>Entered %1 for txn %2 at %3 ms</source>
        <translation>交易 %2 於 %3 毫秒進入 %1</translation>
    </message>
    <message>
        <source>Last transition: %1 → %2 (txn %3) at %4 ms</source>
        <translation>最近一次轉換：%1 → %2（交易 %3），於 %4 毫秒</translation>
    </message>
    <message>
        <source>showing the state at the crash</source>
        <translation>顯示當機時的狀態</translation>
    </message>
    <message numerus="yes">
        <source>Durable log — %n record(s), survives crashes</source>
        <translation>
            <numerusform>持久日誌 — %n 筆紀錄，當機後仍保留</numerusform>
        </translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>時間（毫秒）</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>紀錄</translation>
    </message>
    <message>
        <source>Txn</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message numerus="yes">
        <source>… %n earlier record(s)</source>
        <translation>
            <numerusform>… 還有 %n 筆較早的紀錄</numerusform>
        </translation>
    </message>
    <message>
        <source>empty</source>
        <translation>（空）</translation>
    </message>
    <message numerus="yes">
        <source>Locks — %n held</source>
        <translation>
            <numerusform>鎖 — 持有 %n 個</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <source>none: locks live in memory and were lost</source>
        <translation>無：鎖只存在記憶體中，已經遺失</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>資源</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持有者</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 或 %2</translation>
    </message>
    <message>
        <source>%1 → %2 · txn %3 · %4 ms</source>
        <translation>%1 → %2 · 交易 %3 · %4 毫秒</translation>
    </message>
    <message>
        <source>This role has no protocol states; its durable log shows what it did.</source>
        <translation>這個角色沒有自己的協定狀態；它做過的事都記在持久日誌裡。</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) hidden</source>
        <comment>arrow labels with no room; each is its arrow&apos;s tooltip</comment>
        <translation>
            <numerusform>已隱藏 %n 個標籤</numerusform>
        </translation>
    </message>
    <message>
        <source>Point at an arrow to read its label.</source>
        <translation>把滑鼠移到箭頭上即可看到它的標籤。</translation>
    </message>
    <message>
        <source>ms</source>
        <comment>the log&apos;s time column, when the column is narrow</comment>
        <translation>毫秒</translation>
    </message>
</context>
<context>
    <name>TimelineBar</name>
    <message>
        <source>Pause (Space)</source>
        <translation>暫停（空白鍵）</translation>
    </message>
    <message>
        <source>Play (Space): run the protocol in virtual time</source>
        <translation>播放（空白鍵）：以虛擬時間執行協定</translation>
    </message>
    <message>
        <source>%1 / %2 ms</source>
        <extracomment>Current virtual time / end of the run, in milliseconds.</extracomment>
        <translation>%1 / %2 毫秒</translation>
    </message>
    <message>
        <source>%1×</source>
        <extracomment>Playback speed factor, e.g. &quot;2.5×&quot;.</extracomment>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Restart with the same seed (Home): the run replays identically</source>
        <translation>以相同種子重新開始（Home）：執行會完全相同地重播</translation>
    </message>
    <message>
        <source>Step back one event (Left), by replaying the run deterministically</source>
        <translation>退回上一個事件（←），以決定性重播達成</translation>
    </message>
    <message>
        <source>Step forward to the next event (Right)</source>
        <translation>前進到下一個事件（→）</translation>
    </message>
    <message>
        <source>Re-roll seed</source>
        <translation>重抽種子</translation>
    </message>
    <message>
        <source>Pick a new random seed (Ctrl+R): different latencies and losses, same faults</source>
        <translation>抽選新的亂數種子（Ctrl+R）：延遲與遺失會不同，故障不變</translation>
    </message>
    <message>
        <source>Drag to scrub through virtual time. Red triangles: faults; green: commit decisions; orange: abort decisions.</source>
        <translation>拖曳即可在虛擬時間中前後移動。紅色三角形：故障；綠色：提交決定；橘色：中止決定。</translation>
    </message>
    <message>
        <source>Current virtual time / end of the run</source>
        <translation>目前的虛擬時間／執行結束時間</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Playback speed, 0.1× to 10×. At 1×, 20 ms of virtual time pass per second.</source>
        <translation>播放速度，0.1× 到 10×。1× 時，每秒經過 20 毫秒的虛擬時間。</translation>
    </message>
</context>
</TS>
