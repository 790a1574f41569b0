<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Accessibility</name>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>CallHistory</name>
    <message>
        <source>the call history is not open</source>
        <translation>the call history is not open</translation>
    </message>
</context>
<context>
    <name>CallTracker</name>
    <message>
        <source>audio file %1</source>
        <translation>audio file %1</translation>
    </message>
</context>
<context>
    <name>CallsPage</name>
    <message>
        <source>Follow a call placed elsewhere: paste its call id</source>
        <translation>Follow a call placed elsewhere: paste its call id</translation>
    </message>
    <message>
        <source>&amp;Watch</source>
        <translation>&amp;Watch</translation>
    </message>
    <message>
        <source>Search by number or call id</source>
        <translation>Search by number or call id</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>Reload the history</source>
        <translation>Reload the history</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Compare with E&amp;xolve…</source>
        <translation>Compare with E&amp;xolve…</translation>
    </message>
    <message>
        <source>These calls beside Exolve&apos;s own call history</source>
        <translation>These calls beside Exolve&apos;s own call history</translation>
    </message>
</context>
<context>
    <name>CampaignController</name>
    <message>
        <source>Starting</source>
        <translation>Starting</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Waiting for the sending window</source>
        <translation>Waiting for the sending window</translation>
    </message>
    <message>
        <source>Paused by the service&apos;s rate limit</source>
        <translation>Paused by the service&apos;s rate limit</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Stopping</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Stopped: network failure</source>
        <translation>Stopped: network failure</translation>
    </message>
    <message>
        <source>Stopped: refused by the API</source>
        <translation>Stopped: refused by the API</translation>
    </message>
    <message>
        <source>Stopped: the journal cannot be written</source>
        <translation>Stopped: the journal cannot be written</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>This campaign runs on another computer of the team.</source>
        <translation>This campaign runs on another computer of the team.</translation>
    </message>
    <message>
        <source>Paused: the team store cannot be reached</source>
        <translation>Paused: the team store cannot be reached</translation>
    </message>
    <message>
        <source>Runs on another computer</source>
        <translation>Runs on another computer</translation>
    </message>
</context>
<context>
    <name>CampaignDraft</name>
    <message>
        <source>The campaign&apos;s journal is not open.</source>
        <translation>The campaign&apos;s journal is not open.</translation>
    </message>
    <message>
        <source>This campaign was already confirmed or cancelled: it is not started twice.</source>
        <translation>This campaign was already confirmed or cancelled: it is not started twice.</translation>
    </message>
</context>
<context>
    <name>CampaignJournal</name>
    <message>
        <source>The journal %1 exists already; choose another file or resume it.</source>
        <translation>The journal %1 exists already; choose another file or resume it.</translation>
    </message>
    <message>
        <source>There is no journal at %1.</source>
        <translation>There is no journal at %1.</translation>
    </message>
    <message>
        <source>The journal %1 is in use by another program (process %2).</source>
        <translation>The journal %1 is in use by another program (process %2).</translation>
    </message>
    <message>
        <source>The journal %1 cannot be opened: %2</source>
        <translation>The journal %1 cannot be opened: %2</translation>
    </message>
    <message>
        <source>The journal %1 cannot be read (%2). It is left as it is: rows in it may have been called, so do not start the campaign again without checking.</source>
        <translation>The journal %1 cannot be read (%2). It is left as it is: rows in it may have been called, so do not start the campaign again without checking.</translation>
    </message>
    <message>
        <source>%1 is not a campaign journal or is damaged (%2). It is left as it is: rows in it may have been called, so do not start the campaign again without checking.</source>
        <translation>%1 is not a campaign journal or is damaged (%2). It is left as it is: rows in it may have been called, so do not start the campaign again without checking.</translation>
    </message>
    <message>
        <source>The run stopped while this call was being requested: it may have been placed.</source>
        <translation>The run stopped while this call was being requested: it may have been placed.</translation>
    </message>
    <message>
        <source>Line %1 is no longer waiting to be called.</source>
        <translation>Line %1 is no longer waiting to be called.</translation>
    </message>
    <message>
        <source>cannot rename %1</source>
        <translation>cannot rename %1</translation>
    </message>
    <message>
        <source>The journal %1 cannot be made: %2</source>
        <translation>The journal %1 cannot be made: %2</translation>
    </message>
    <message>
        <source>The journal %1 is damaged: SQLite&apos;s integrity check failed. Nothing was called and the file was left as it is. Rows in it may have been called already: look at what can still be read (status, export) before you call anyone again.</source>
        <translation>The journal %1 is damaged: SQLite&apos;s integrity check failed. Nothing was called and the file was left as it is. Rows in it may have been called already: look at what can still be read (status, export) before you call anyone again.</translation>
    </message>
    <message>
        <source>%1 is not a campaign journal. It was left as it is.</source>
        <translation>%1 is not a campaign journal. It was left as it is.</translation>
    </message>
    <message>
        <source>The journal %1 cannot be read: %2</source>
        <translation>The journal %1 cannot be read: %2</translation>
    </message>
    <message>
        <source>The journal %1 is in a read-only folder (or is read-only itself): it can be looked at and exported, but not run or resumed. Copy it to a folder you can write to first.</source>
        <translation>The journal %1 is in a read-only folder (or is read-only itself): it can be looked at and exported, but not run or resumed. Copy it to a folder you can write to first.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be written to: the journal cannot be made there.</source>
        <translation>The folder %1 cannot be written to: the journal cannot be made there.</translation>
    </message>
    <message>
        <source>This journal was made before calls were recorded one by one: its export has the last call of each row.</source>
        <translation>This journal was made before calls were recorded one by one: its export has the last call of each row.</translation>
    </message>
</context>
<context>
    <name>CampaignPlanner</name>
    <message>
        <source>The file has no rows.</source>
        <translation>The file has no rows.</translation>
    </message>
    <message>
        <source>the row is too long</source>
        <translation>the row is too long</translation>
    </message>
    <message>
        <source>the row has no column %1</source>
        <translation>the row has no column %1</translation>
    </message>
    <message>
        <source>no number</source>
        <translation>no number</translation>
    </message>
    <message>
        <source>not a valid phone number</source>
        <translation>not a valid phone number</translation>
    </message>
    <message>
        <source>unknown time zone &quot;%1&quot;</source>
        <translation>unknown time zone &quot;%1&quot;</translation>
    </message>
    <message>
        <source>no service id: give --service or a service_id column</source>
        <translation>no service id: give --service or a service_id column</translation>
    </message>
    <message>
        <source>no file id: give --file-id or a file_id column</source>
        <translation>no file id: give --file-id or a file_id column</translation>
    </message>
    <message>
        <source>on the do-not-call list</source>
        <translation>on the do-not-call list</translation>
    </message>
    <message>
        <source>duplicate of line %1</source>
        <translation>duplicate of line %1</translation>
    </message>
    <message>
        <source>too many columns (%1, at most %2)</source>
        <translation>too many columns (%1, at most %2)</translation>
    </message>
    <message>
        <source>no consent: the file has no consent column and the contact policy requires one</source>
        <translation>no consent: the file has no consent column and the contact policy requires one</translation>
    </message>
    <message>
        <source>no consent recorded, and the contact policy requires one</source>
        <translation>no consent recorded, and the contact policy requires one</translation>
    </message>
</context>
<context>
    <name>CampaignSettings</name>
    <message>
        <source>Enter the caller number the calls come from.</source>
        <translation>Enter the caller number the calls come from.</translation>
    </message>
    <message>
        <source>Caller number: %1</source>
        <translation>Caller number: %1</translation>
    </message>
    <message>
        <source>Choose the service to send: the file has no service_id column.</source>
        <translation>Choose the service to send: the file has no service_id column.</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>Service: %1</translation>
    </message>
    <message>
        <source>Enter the audio file id: the file has no file_id column.</source>
        <translation>Enter the audio file id: the file has no file_id column.</translation>
    </message>
    <message>
        <source>Audio file id: %1</source>
        <translation>Audio file id: %1</translation>
    </message>
    <message>
        <source>The rate is calls per second, from 0.001 to 10000 (fractions allowed).</source>
        <translation>The rate is calls per second, from 0.001 to 10000 (fractions allowed).</translation>
    </message>
    <message>
        <source>At most 1 to 64 requests at once.</source>
        <translation>At most 1 to 64 requests at once.</translation>
    </message>
    <message>
        <source>Unknown time zone &quot;%1&quot;: use an IANA name such as Europe/Moscow, or UTC+03:00.</source>
        <translation>Unknown time zone &quot;%1&quot;: use an IANA name such as Europe/Moscow, or UTC+03:00.</translation>
    </message>
    <message>
        <source>Re-dials: from 0 to 10 extra calls.</source>
        <translation>Re-dials: from 0 to 10 extra calls.</translation>
    </message>
    <message>
        <source>Minutes between calls to the same number: from 1 to 1440.</source>
        <translation>Minutes between calls to the same number: from 1 to 1440.</translation>
    </message>
    <message>
        <source>Advertising</source>
        <translation>Advertising</translation>
    </message>
    <message>
        <source>Informational (reminders, notifications, debts)</source>
        <translation>Informational (reminders, notifications, debts)</translation>
    </message>
    <message>
        <source>Advertising may not be sent by automatic dialing (Federal Law 38-FZ &quot;On Advertising&quot;, art. 18 part 2): Voice Console does not place such a campaign.</source>
        <translation>Advertising may not be sent by automatic dialing (Federal Law 38-FZ &quot;On Advertising&quot;, art. 18 part 2): Voice Console does not place such a campaign.</translation>
    </message>
    <message>
        <source>The scheduled start has passed already: choose a later time, or start at once.</source>
        <translation>The scheduled start has passed already: choose a later time, or start at once.</translation>
    </message>
</context>
<context>
    <name>CampaignsPage</name>
    <message>
        <source>Rows</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Search by number</source>
        <translation>Search by number</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
</context>
<context>
    <name>CapOverride</name>
    <message>
        <source>Over the contact policy&apos;s cap</source>
        <translation>Over the contact policy&apos;s cap</translation>
    </message>
    <message>
        <source>The contact policy allows no more calls to %1 now: %2.

To call anyway, give the reason (it is recorded in the contact ledger):</source>
        <translation>The contact policy allows no more calls to %1 now: %2.

To call anyway, give the reason (it is recorded in the contact ledger):</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>ColumnMap</name>
    <message>
        <source>The file has no column named &quot;%1&quot; in its first row.</source>
        <translation>The file has no column named &quot;%1&quot; in its first row.</translation>
    </message>
    <message>
        <source>--column takes a column name or a position from 1.</source>
        <translation>--column takes a column name or a position from 1.</translation>
    </message>
    <message>
        <source>The file has no consent column named &quot;%1&quot; in its first row.</source>
        <translation>The file has no consent column named &quot;%1&quot; in its first row.</translation>
    </message>
</context>
<context>
    <name>ContactLedger</name>
    <message>
        <source>The contact ledger (%1) cannot be used: %2</source>
        <translation>The contact ledger (%1) cannot be used: %2</translation>
    </message>
    <message>
        <source>its folder cannot be made</source>
        <translation>its folder cannot be made</translation>
    </message>
    <message>
        <source>The contact ledger (%1) cannot be read: %2</source>
        <translation>The contact ledger (%1) cannot be read: %2</translation>
    </message>
    <message>
        <source>The contact ledger (%1) cannot be written: %2</source>
        <translation>The contact ledger (%1) cannot be written: %2</translation>
    </message>
    <message>
        <source>The do-not-call list (%1) cannot be read: %2</source>
        <translation>The do-not-call list (%1) cannot be read: %2</translation>
    </message>
    <message>
        <source>The do-not-call list (%1) cannot be written: %2</source>
        <translation>The do-not-call list (%1) cannot be written: %2</translation>
    </message>
    <message>
        <source>The do-not-call history (%1) cannot be read: %2</source>
        <translation>The do-not-call history (%1) cannot be read: %2</translation>
    </message>
    <message>
        <source>on the do-not-call list</source>
        <translation>on the do-not-call list</translation>
    </message>
    <message>
        <source>%1 is on the do-not-call list</source>
        <translation>%1 is on the do-not-call list</translation>
    </message>
    <message>
        <source>the contact policy allows no more calls to %1 now (%2)</source>
        <translation>the contact policy allows no more calls to %1 now (%2)</translation>
    </message>
    <message>
        <source>The contact policy (%1) cannot be read: %2</source>
        <translation>The contact policy (%1) cannot be read: %2</translation>
    </message>
    <message>
        <source>This computer&apos;s contact policy is kept in its settings, not in the contact store.</source>
        <translation>This computer&apos;s contact policy is kept in its settings, not in the contact store.</translation>
    </message>
    <message>
        <source>The contact policy (%1) cannot be written: %2</source>
        <translation>The contact policy (%1) cannot be written: %2</translation>
    </message>
</context>
<context>
    <name>ContactPolicy</name>
    <message>
        <source>No caps</source>
        <translation>No caps</translation>
    </message>
    <message>
        <source>230-FZ (debt collection)</source>
        <translation>230-FZ (debt collection)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Custom</translation>
    </message>
    <message numerus="yes">
        <source>%n a day</source>
        <translation>
            <numerusform>%n a day</numerusform>
            <numerusform>%n a day</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n a week</source>
        <translation>
            <numerusform>%n a week</numerusform>
            <numerusform>%n a week</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n a month</source>
        <translation>
            <numerusform>%n a month</numerusform>
            <numerusform>%n a month</numerusform>
        </translation>
    </message>
    <message>
        <source>no caps</source>
        <translation>no caps</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>at most %1</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) today already (at most %1)</source>
        <translation>
            <numerusform>%n call today already (at most %1)</numerusform>
            <numerusform>%n calls today already (at most %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) this week already (at most %1)</source>
        <translation>
            <numerusform>%n call this week already (at most %1)</numerusform>
            <numerusform>%n calls this week already (at most %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) this month already (at most %1)</source>
        <translation>
            <numerusform>%n call this month already (at most %1)</numerusform>
            <numerusform>%n calls this month already (at most %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; next possible %2 (%3)</source>
        <translation>%1; next possible %2 (%3)</translation>
    </message>
</context>
<context>
    <name>DoNotCallList</name>
    <message>
        <source>The do-not-call list %1 cannot be read: %2</source>
        <translation>The do-not-call list %1 cannot be read: %2</translation>
    </message>
    <message>
        <source>The do-not-call list %1 is locked by another program.</source>
        <translation>The do-not-call list %1 is locked by another program.</translation>
    </message>
    <message>
        <source>The do-not-call list %1 cannot be written: %2</source>
        <translation>The do-not-call list %1 cannot be written: %2</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 cannot be read: %2</translation>
    </message>
    <message>
        <source>the subscriber asked</source>
        <translation>the subscriber asked</translation>
    </message>
    <message>
        <source>a telecom operator&apos;s refusal list</source>
        <translation>a telecom operator&apos;s refusal list</translation>
    </message>
    <message>
        <source>a complaint</source>
        <translation>a complaint</translation>
    </message>
    <message>
        <source>other</source>
        <translation>other</translation>
    </message>
    <message>
        <source>migrated from %1</source>
        <translation>migrated from %1</translation>
    </message>
    <message>
        <source>The old do-not-call list %1 was copied into the store but cannot be renamed.</source>
        <translation>The old do-not-call list %1 was copied into the store but cannot be renamed.</translation>
    </message>
    <message>
        <source>A number leaves the do-not-call list only with a reason, kept in its history.</source>
        <translation>A number leaves the do-not-call list only with a reason, kept in its history.</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 days %2 h</source>
        <translation>%1 days %2 h</translation>
    </message>
</context>
<context>
    <name>ErrorCatalog</name>
    <message>
        <source>%1 (server: %2)</source>
        <translation>%1 (server: %2)</translation>
    </message>
    <message>
        <source>The server rejected the request as invalid.</source>
        <translation>The server rejected the request as invalid.</translation>
    </message>
    <message>
        <source>The account is not active (not activated or blocked), so the request was refused.</source>
        <translation>The account is not active (not activated or blocked), so the request was refused.</translation>
    </message>
    <message>
        <source>The server does not know this request (404). Check the API address.</source>
        <translation>The server does not know this request (404). Check the API address.</translation>
    </message>
    <message>
        <source>The server took too long to answer (HTTP %1).</source>
        <translation>The server took too long to answer (HTTP %1).</translation>
    </message>
    <message>
        <source>Too many requests: the server asks to slow down. Try again in a moment.</source>
        <translation>Too many requests: the server asks to slow down. Try again in a moment.</translation>
    </message>
    <message>
        <source>The server failed while handling the request (HTTP 500).</source>
        <translation>The server failed while handling the request (HTTP 500).</translation>
    </message>
    <message>
        <source>The server is unavailable (HTTP %1). Try again later.</source>
        <translation>The server is unavailable (HTTP %1). Try again later.</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP %1).</source>
        <translation>The server refused the request (HTTP %1).</translation>
    </message>
    <message>
        <source>The outcome is unknown: the request reached the server but no answer came back, so the call may have been placed. It was not sent again. Check the call list before sending again.</source>
        <translation>The outcome is unknown: the request reached the server but no answer came back, so the call may have been placed. It was not sent again. Check the call list before sending again.</translation>
    </message>
    <message>
        <source>The outcome is unknown: the service may have been created. Refresh the list before creating it again.</source>
        <translation>The outcome is unknown: the service may have been created. Refresh the list before creating it again.</translation>
    </message>
    <message>
        <source>The outcome is unknown: the service may have been deleted. Refresh the list.</source>
        <translation>The outcome is unknown: the service may have been deleted. Refresh the list.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>The server did not answer in time.</translation>
    </message>
    <message>
        <source>A secure connection could not be established: the server&apos;s certificate was not accepted.</source>
        <translation>A secure connection could not be established: the server&apos;s certificate was not accepted.</translation>
    </message>
    <message>
        <source>The server could not be reached. Check the network connection and the API address.</source>
        <translation>The server could not be reached. Check the network connection and the API address.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read.</source>
        <translation>The server&apos;s answer could not be read.</translation>
    </message>
    <message>
        <source>The API address &quot;%1&quot; is not allowed: use https (plain http only to this computer).</source>
        <translation>The API address &quot;%1&quot; is not allowed: use https (plain http only to this computer).</translation>
    </message>
    <message>
        <source>The outcome is unknown: the server answered with an error (HTTP %1) after the request reached it, so the call may have been placed. It was not sent again. Check the call list before sending again.</source>
        <translation>The outcome is unknown: the server answered with an error (HTTP %1) after the request reached it, so the call may have been placed. It was not sent again. Check the call list before sending again.</translation>
    </message>
    <message>
        <source>The outcome is unknown: the server&apos;s answer could not be read, so the call may have been placed. It was not sent again. Check the call list before sending again.</source>
        <translation>The outcome is unknown: the server&apos;s answer could not be read, so the call may have been placed. It was not sent again. Check the call list before sending again.</translation>
    </message>
    <message>
        <source>The proxy server could not be used: it refused the connection or could not reach the API. Check the proxy (Profiles → Network).</source>
        <translation>The proxy server could not be used: it refused the connection or could not reach the API. Check the proxy (Profiles → Network).</translation>
    </message>
    <message>
        <source>The proxy server asks for a user name and password, and none (or wrong ones) were given. Nothing was sent.</source>
        <translation>The proxy server asks for a user name and password, and none (or wrong ones) were given. Nothing was sent.</translation>
    </message>
</context>
<context>
    <name>ExolveErrors</name>
    <message>
        <source>No API key is set.</source>
        <translation>No API key is set.</translation>
    </message>
    <message>
        <source>The API key contains a line break or another control character. Copy the key again, as one line.</source>
        <translation>The API key contains a line break or another control character. Copy the key again, as one line.</translation>
    </message>
    <message>
        <source>During the trial period calls can only be made to your own confirmed number. Confirm the destination number in the Exolve account or activate the account.</source>
        <translation>During the trial period calls can only be made to your own confirmed number. Confirm the destination number in the Exolve account or activate the account.</translation>
    </message>
    <message>
        <source>The SIP resource id is missing.</source>
        <translation>The SIP resource id is missing.</translation>
    </message>
    <message>
        <source>The SIP resource id is not valid: it must be a whole number.</source>
        <translation>The SIP resource id is not valid: it must be a whole number.</translation>
    </message>
    <message>
        <source>The call id is not valid.</source>
        <translation>The call id is not valid.</translation>
    </message>
    <message>
        <source>The server rejected the call parameters: check the numbers and the service id.</source>
        <translation>The server rejected the call parameters: check the numbers and the service id.</translation>
    </message>
    <message>
        <source>The API key is not valid: the server could not read it. Check that the whole key was copied from the application in the Exolve account.</source>
        <translation>The API key is not valid: the server could not read it. Check that the whole key was copied from the application in the Exolve account.</translation>
    </message>
    <message>
        <source>The API key was not accepted: the user and application information in it could not be read (JWT claims). Create a new key for the application.</source>
        <translation>The API key was not accepted: the user and application information in it could not be read (JWT claims). Create a new key for the application.</translation>
    </message>
    <message>
        <source>The API key is missing or not valid.</source>
        <translation>The API key is missing or not valid.</translation>
    </message>
    <message>
        <source>The audio file with this media_id does not exist. Upload it in the Exolve account or check the id.</source>
        <translation>The audio file with this media_id does not exist. Upload it in the Exolve account or check the id.</translation>
    </message>
    <message>
        <source>The voice-message service was not found for the application of this API key.</source>
        <translation>The voice-message service was not found for the application of this API key.</translation>
    </message>
    <message>
        <source>The voice-message service or its application was not found.</source>
        <translation>The voice-message service or its application was not found.</translation>
    </message>
    <message>
        <source>The call was not found, or the service it used has no audio file attached.</source>
        <translation>The call was not found, or the service it used has no audio file attached.</translation>
    </message>
    <message>
        <source>This SIP resource does not belong to the application of this API key.</source>
        <translation>This SIP resource does not belong to the application of this API key.</translation>
    </message>
    <message>
        <source>The server could not reach your account (error getting customer status). Try again later.</source>
        <translation>The server could not reach your account (error getting customer status). Try again later.</translation>
    </message>
    <message>
        <source>The server redirected the request elsewhere (HTTP %1); the API key is never sent to another address, so the request was stopped. Check the API address.</source>
        <translation>The server redirected the request elsewhere (HTTP %1); the API key is never sent to another address, so the request was stopped. Check the API address.</translation>
    </message>
</context>
<context>
    <name>ExolveValidation</name>
    <message>
        <source>Enter a name for the service.</source>
        <translation>Enter a name for the service.</translation>
    </message>
    <message>
        <source>The name is too long (at most 255 characters).</source>
        <translation>The name is too long (at most 255 characters).</translation>
    </message>
    <message>
        <source>Enter the media_id of the audio file.</source>
        <translation>Enter the media_id of the audio file.</translation>
    </message>
    <message>
        <source>media_id must be a whole number from 1 to 18446744073709551615.</source>
        <translation>media_id must be a whole number from 1 to 18446744073709551615.</translation>
    </message>
    <message>
        <source>The redirect digit must be a single digit from 0 to 9.</source>
        <translation>The redirect digit must be a single digit from 0 to 9.</translation>
    </message>
    <message>
        <source>Enter the number to redirect the call to.</source>
        <translation>Enter the number to redirect the call to.</translation>
    </message>
    <message>
        <source>The redirect number may contain only digits and a leading +.</source>
        <translation>The redirect number may contain only digits and a leading +.</translation>
    </message>
    <message>
        <source>The redirect number must be 9 to 14 characters long (now %1).</source>
        <translation>The redirect number must be 9 to 14 characters long (now %1).</translation>
    </message>
    <message>
        <source>Enter a service id.</source>
        <translation>Enter a service id.</translation>
    </message>
    <message>
        <source>The service id may not contain spaces or special characters.</source>
        <translation>The service id may not contain spaces or special characters.</translation>
    </message>
    <message>
        <source>Enter a call id.</source>
        <translation>Enter a call id.</translation>
    </message>
    <message>
        <source>The call id may not contain spaces or special characters.</source>
        <translation>The call id may not contain spaces or special characters.</translation>
    </message>
    <message>
        <source>The SIP resource id must be a whole number from 0 to 18446744073709551615.</source>
        <translation>The SIP resource id must be a whole number from 0 to 18446744073709551615.</translation>
    </message>
</context>
<context>
    <name>HistoryComparison</name>
    <message>
        <source>The folder %1 cannot be made.</source>
        <translation>The folder %1 cannot be made.</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 cannot be written: %2</translation>
    </message>
</context>
<context>
    <name>HolidayCalendar</name>
    <message>
        <source>Line %1 is not a date: %2</source>
        <translation>Line %1 is not a date: %2</translation>
    </message>
    <message>
        <source>Line %1 is neither a date (YYYY-MM-DD) nor &quot;working YYYY-MM-DD&quot;: %2</source>
        <translation>Line %1 is neither a date (YYYY-MM-DD) nor &quot;working YYYY-MM-DD&quot;: %2</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 cannot be read: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 cannot be written: %2</translation>
    </message>
</context>
<context>
    <name>LegacyErrors</name>
    <message>
        <source>No login or password is set.</source>
        <translation>No login or password is set.</translation>
    </message>
    <message>
        <source>The login or password contains a line break or another control character. Enter it again.</source>
        <translation>The login or password contains a line break or another control character. Enter it again.</translation>
    </message>
    <message>
        <source>A required parameter is missing (ArgumentCanNotBeNullOrEmpty).</source>
        <translation>A required parameter is missing (ArgumentCanNotBeNullOrEmpty).</translation>
    </message>
    <message>
        <source>A parameter is not valid (InvalidArgument): check the numbers, the file id and the schedule.</source>
        <translation>A parameter is not valid (InvalidArgument): check the numbers, the file id and the schedule.</translation>
    </message>
    <message>
        <source>The session is not valid or has expired (InvalidSessionID).</source>
        <translation>The session is not valid or has expired (InvalidSessionID).</translation>
    </message>
    <message>
        <source>The login or password was not accepted (UnauthorizedAccess).</source>
        <translation>The login or password was not accepted (UnauthorizedAccess).</translation>
    </message>
    <message>
        <source>Not enough credits on the account to send (NotEnoughCredits). Top up the balance.</source>
        <translation>Not enough credits on the account to send (NotEnoughCredits). Top up the balance.</translation>
    </message>
    <message>
        <source>The operation is not allowed now (InvalidOperation).</source>
        <translation>The operation is not allowed now (InvalidOperation).</translation>
    </message>
    <message>
        <source>Access to this operation is forbidden for the account (Forbidden).</source>
        <translation>Access to this operation is forbidden for the account (Forbidden).</translation>
    </message>
    <message>
        <source>The service failed internally (InternalServerError). Try again later.</source>
        <translation>The service failed internally (InternalServerError). Try again later.</translation>
    </message>
    <message>
        <source>The service answered with error code %1: %2</source>
        <translation>The service answered with error code %1: %2</translation>
    </message>
    <message>
        <source>The server redirected the request elsewhere (HTTP %1); the login and password are never sent to another address, so the request was stopped. Check the API address.</source>
        <translation>The server redirected the request elsewhere (HTTP %1); the login and password are never sent to another address, so the request was stopped. Check the API address.</translation>
    </message>
</context>
<context>
    <name>LegacyNames</name>
    <message>
        <source>sending</source>
        <translation>sending</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>listened</source>
        <translation>listened</translation>
    </message>
    <message>
        <source>not listened</source>
        <translation>not listened</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>state %1</source>
        <translation>state %1</translation>
    </message>
</context>
<context>
    <name>LegacySendPage</name>
    <message>
        <source>Send a voice message through integrationapi.net (2013): the number is called and hears the uploaded audio file.</source>
        <translation>Send a voice message through integrationapi.net (2013): the number is called and hears the uploaded audio file.</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>e.g. +7 495 772-23-45</source>
        <translation>e.g. +7 495 772-23-45</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>e.g. +7 903 123-45-67</source>
        <translation>e.g. +7 903 123-45-67</translation>
    </message>
    <message>
        <source>Audio &amp;file id:</source>
        <translation>Audio &amp;file id:</translation>
    </message>
    <message>
        <source>id of the file in the account&apos;s media library</source>
        <translation>id of the file in the account&apos;s media library</translation>
    </message>
    <message>
        <source>S&amp;chedule:</source>
        <translation>S&amp;chedule:</translation>
    </message>
    <message>
        <source>later, at (your local time):</source>
        <translation>later, at (your local time):</translation>
    </message>
    <message>
        <source>&amp;Attempts:</source>
        <translation>&amp;Attempts:</translation>
    </message>
    <message>
        <source>service default</source>
        <translation>service default</translation>
    </message>
    <message>
        <source>&amp;Gap between attempts:</source>
        <translation>&amp;Gap between attempts:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;DTMF:</source>
        <translation>&amp;DTMF:</translation>
    </message>
    <message>
        <source>collect the keys the listener presses</source>
        <translation>collect the keys the listener presses</translation>
    </message>
</context>
<context>
    <name>LegacyValidation</name>
    <message>
        <source>Enter the id of an uploaded audio file.</source>
        <translation>Enter the id of an uploaded audio file.</translation>
    </message>
    <message>
        <source>The file id must be a whole number from 1 to 18446744073709551615.</source>
        <translation>The file id must be a whole number from 1 to 18446744073709551615.</translation>
    </message>
    <message>
        <source>The number of attempts must be from 1 to 10.</source>
        <translation>The number of attempts must be from 1 to 10.</translation>
    </message>
    <message>
        <source>The interval between attempts must be from 1 to 1440 minutes.</source>
        <translation>The interval between attempts must be from 1 to 1440 minutes.</translation>
    </message>
    <message>
        <source>The scheduled time is in the past.</source>
        <translation>The scheduled time is in the past.</translation>
    </message>
</context>
<context>
    <name>NetworkSetup</name>
    <message>
        <source>Give the proxy as host:port, e.g. proxy.example.com:3128.</source>
        <translation>Give the proxy as host:port, e.g. proxy.example.com:3128.</translation>
    </message>
    <message>
        <source>Leave the user name and password out: they are asked for when the proxy wants them, and kept only in the system keychain.</source>
        <translation>Leave the user name and password out: they are asked for when the proxy wants them, and kept only in the system keychain.</translation>
    </message>
</context>
<context>
    <name>Output</name>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>No voice-message services yet. Create one with: voicectl services create</source>
        <translation>No voice-message services yet. Create one with: voicectl services create</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>CREATED</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n service</numerusform>
            <numerusform>%n services</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Redirect digit</source>
        <translation>Redirect digit</translation>
    </message>
    <message>
        <source>Redirect number</source>
        <translation>Redirect number</translation>
    </message>
    <message>
        <source>Media ID</source>
        <translation>Media ID</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>Call ID</source>
        <translation>Call ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Answer timeout</source>
        <translation>Answer timeout</translation>
    </message>
    <message>
        <source>SIP resource ID</source>
        <translation>SIP resource ID</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>******** (use --show-secrets to reveal)</source>
        <translation>******** (use --show-secrets to reveal)</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>Install fee</source>
        <translation>Install fee</translation>
    </message>
    <message>
        <source>Subscription fee</source>
        <translation>Subscription fee</translation>
    </message>
</context>
<context>
    <name>ProfileManager</name>
    <message>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; has no API key yet: edit the profile to add it.</source>
        <translation>Profile &quot;%1&quot; has no API key yet: edit the profile to add it.</translation>
    </message>
    <message>
        <source>The API key of &quot;%1&quot; could not be read: %2</source>
        <translation>The API key of &quot;%1&quot; could not be read: %2</translation>
    </message>
    <message>
        <source>That profile no longer exists.</source>
        <translation>That profile no longer exists.</translation>
    </message>
    <message>
        <source>%1 The key is kept in memory for this session only; it will be asked for again after a restart.</source>
        <translation>%1 The key is kept in memory for this session only; it will be asked for again after a restart.</translation>
    </message>
    <message>
        <source>Sandbox — integrationapi.net (2013)</source>
        <translation>Sandbox — integrationapi.net (2013)</translation>
    </message>
</context>
<context>
    <name>ProfilesDialog</name>
    <message>
        <source>Profiles</source>
        <translation>Profiles</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Provider:</translation>
    </message>
    <message>
        <source>API &amp;address:</source>
        <translation>API &amp;address:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API &amp;key:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Use This Profile</source>
        <translation>&amp;Use This Profile</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>Pro&amp;xy:</translation>
    </message>
    <message>
        <source>Proxy a&amp;ddress:</source>
        <translation>Proxy a&amp;ddress:</translation>
    </message>
</context>
<context>
    <name>SecretMessages</name>
    <message numerus="yes">
        <source>The system keychain did not answer within %n second(s); it may be locked. The operation was abandoned.</source>
        <translation>
            <numerusform>The system keychain did not answer within %n second; it may be locked. The operation was abandoned.</numerusform>
            <numerusform>The system keychain did not answer within %n seconds; it may be locked. The operation was abandoned.</numerusform>
        </translation>
    </message>
    <message>
        <source>The system keychain cannot be used (%1).</source>
        <translation>The system keychain cannot be used (%1).</translation>
    </message>
    <message>
        <source>No secret is stored for this profile yet.</source>
        <translation>No secret is stored for this profile yet.</translation>
    </message>
</context>
<context>
    <name>SendFailure</name>
    <message>
        <source>Not sent: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message>
        <source>The voice message was not sent: %1</source>
        <translation>The voice message was not sent: %1</translation>
    </message>
</context>
<context>
    <name>SendPage</name>
    <message>
        <source>Send a voice message: the destination is called and hears the service&apos;s audio file. Each call is charged by the provider.</source>
        <translation>Send a voice message: the destination is called and hears the service&apos;s audio file. Each call is charged by the provider.</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>number to call, e.g. +7 926 999-99-99</source>
        <translation>number to call, e.g. +7 926 999-99-99</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Service:</translation>
    </message>
    <message>
        <source>Reload the services</source>
        <translation>Reload the services</translation>
    </message>
</context>
<context>
    <name>SendingWindow</name>
    <message>
        <source>The journal&apos;s sending window &quot;%1&quot; cannot be read.</source>
        <translation>The journal&apos;s sending window &quot;%1&quot; cannot be read.</translation>
    </message>
    <message>
        <source>Unknown time zone &quot;%1&quot;: use an IANA name such as Europe/Moscow, or UTC+03:00.</source>
        <translation>Unknown time zone &quot;%1&quot;: use an IANA name such as Europe/Moscow, or UTC+03:00.</translation>
    </message>
    <message>
        <source>The sending window opens and closes at the same time (%1). Give two different times, e.g. 09:00-20:00, or set no window to call at any hour.</source>
        <translation>The sending window opens and closes at the same time (%1). Give two different times, e.g. 09:00-20:00, or set no window to call at any hour.</translation>
    </message>
    <message>
        <source>The sending window is hours as HH:MM-HH:MM in the recipient&apos;s local time, e.g. 09:00-20:00, or two of them for working days and for weekends and holidays, e.g. 08:00-22:00/09:00-20:00.</source>
        <translation>The sending window is hours as HH:MM-HH:MM in the recipient&apos;s local time, e.g. 09:00-20:00, or two of them for working days and for weekends and holidays, e.g. 08:00-22:00/09:00-20:00.</translation>
    </message>
    <message>
        <source>The sending window has at most two parts: working days / weekends and holidays.</source>
        <translation>The sending window has at most two parts: working days / weekends and holidays.</translation>
    </message>
</context>
<context>
    <name>ServiceEditorDialog</name>
    <message>
        <source>New voice-message service</source>
        <translation>New voice-message service</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>e.g. Appointment reminder</source>
        <translation>e.g. Appointment reminder</translation>
    </message>
    <message>
        <source>&amp;Audio file (media_id):</source>
        <translation>&amp;Audio file (media_id):</translation>
    </message>
    <message>
        <source>id of an audio file uploaded in the Exolve account</source>
        <translation>id of an audio file uploaded in the Exolve account</translation>
    </message>
    <message>
        <source>Redirect &amp;digit:</source>
        <translation>Redirect &amp;digit:</translation>
    </message>
    <message>
        <source>The key the listener presses to be connected to the redirect number.</source>
        <translation>The key the listener presses to be connected to the redirect number.</translation>
    </message>
    <message>
        <source>&amp;Redirect number:</source>
        <translation>&amp;Redirect number:</translation>
    </message>
    <message>
        <source>+7 926 999-99-99</source>
        <translation>+7 926 999-99-99</translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <source>Filter by name or ID (Ctrl+F)</source>
        <translation>Filter by name or ID (Ctrl+F)</translation>
    </message>
    <message>
        <source>Loading services…</source>
        <translation>Loading services…</translation>
    </message>
    <message>
        <source>Select a service to see its details.</source>
        <translation>Select a service to see its details.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>Redirect digit:</source>
        <translation>Redirect digit:</translation>
    </message>
    <message>
        <source>Redirect number:</source>
        <translation>Redirect number:</translation>
    </message>
    <message>
        <source>Audio file (media_id):</source>
        <translation>Audio file (media_id):</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Created:</translation>
    </message>
</context>
<context>
    <name>SipPage</name>
    <message>
        <source>SIP resource id (sip_resource_id), e.g. 5202</source>
        <translation>SIP resource id (sip_resource_id), e.g. 5202</translation>
    </message>
    <message>
        <source>&amp;Look Up</source>
        <translation>&amp;Look Up</translation>
    </message>
    <message>
        <source>SIP resource ID:</source>
        <translation>SIP resource ID:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Number:</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Login:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <source>Domain:</source>
        <translation>Domain:</translation>
    </message>
    <message>
        <source>Install fee:</source>
        <translation>Install fee:</translation>
    </message>
    <message>
        <source>Subscription fee:</source>
        <translation>Subscription fee:</translation>
    </message>
    <message>
        <source>Application:</source>
        <translation>Application:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>the file is busy: another program is writing to it. Try again in a moment.</source>
        <translation>the file is busy: another program is writing to it. Try again in a moment.</translation>
    </message>
    <message>
        <source>the file cannot be written: it or its folder is read-only.</source>
        <translation>the file cannot be written: it or its folder is read-only.</translation>
    </message>
    <message>
        <source>the disk could not be read or written.</source>
        <translation>the disk could not be read or written.</translation>
    </message>
    <message>
        <source>the file is damaged.</source>
        <translation>the file is damaged.</translation>
    </message>
    <message>
        <source>the disk is full.</source>
        <translation>the disk is full.</translation>
    </message>
    <message>
        <source>the file cannot be opened.</source>
        <translation>the file cannot be opened.</translation>
    </message>
    <message>
        <source>the file could not be read or written.</source>
        <translation>the file could not be read or written.</translation>
    </message>
    <message>
        <source>the file could not be read or written (SQLite error %1).</source>
        <translation>the file could not be read or written (SQLite error %1).</translation>
    </message>
</context>
<context>
    <name>TeamCampaignLease</name>
    <message>
        <source>running on %1 by %2 since %3</source>
        <translation>running on %1 by %2 since %3</translation>
    </message>
    <message>
        <source>another computer</source>
        <translation>another computer</translation>
    </message>
    <message>
        <source>No team store is selected.</source>
        <translation>No team store is selected.</translation>
    </message>
    <message>
        <source>The team store cannot keep the campaign&apos;s lease</source>
        <translation>The team store cannot keep the campaign&apos;s lease</translation>
    </message>
    <message>
        <source>The campaign&apos;s lease cannot be taken</source>
        <translation>The campaign&apos;s lease cannot be taken</translation>
    </message>
    <message>
        <source>The campaign cannot be entered in the team&apos;s list</source>
        <translation>The campaign cannot be entered in the team&apos;s list</translation>
    </message>
    <message>
        <source>The campaign&apos;s heartbeat cannot be written</source>
        <translation>The campaign&apos;s heartbeat cannot be written</translation>
    </message>
    <message>
        <source>The team&apos;s campaigns cannot be read</source>
        <translation>The team&apos;s campaigns cannot be read</translation>
    </message>
</context>
<context>
    <name>TeamStore</name>
    <message>
        <source>The team store cannot be used: Qt&apos;s PostgreSQL driver (QPSQL) is not installed. On Debian install libqt6sql6-psql; on Windows and macOS it comes with Voice Console.</source>
        <translation>The team store cannot be used: Qt&apos;s PostgreSQL driver (QPSQL) is not installed. On Debian install libqt6sql6-psql; on Windows and macOS it comes with Voice Console.</translation>
    </message>
    <message>
        <source>The team store %1 cannot be opened</source>
        <translation>The team store %1 cannot be opened</translation>
    </message>
    <message>
        <source>The team store %1 cannot be used</source>
        <translation>The team store %1 cannot be used</translation>
    </message>
    <message>
        <source>The team store&apos;s schema cannot be read</source>
        <translation>The team store&apos;s schema cannot be read</translation>
    </message>
    <message>
        <source>The team store&apos;s schema cannot be made</source>
        <translation>The team store&apos;s schema cannot be made</translation>
    </message>
    <message>
        <source>Your database role is not a member of %1, so the team store&apos;s schema cannot be made</source>
        <translation>Your database role is not a member of %1, so the team store&apos;s schema cannot be made</translation>
    </message>
    <message>
        <source>The team store&apos;s schema is version %1, newer than this Voice Console knows (%2): update Voice Console on this computer. Nothing was changed.</source>
        <translation>The team store&apos;s schema is version %1, newer than this Voice Console knows (%2): update Voice Console on this computer. Nothing was changed.</translation>
    </message>
    <message>
        <source>The team store&apos;s schema cannot be brought to version %1</source>
        <translation>The team store&apos;s schema cannot be brought to version %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the server cannot be reached</source>
        <translation>the server cannot be reached</translation>
    </message>
    <message>
        <source>the server refused the user name or password</source>
        <translation>the server refused the user name or password</translation>
    </message>
    <message>
        <source>the database does not exist on the server</source>
        <translation>the database does not exist on the server</translation>
    </message>
    <message>
        <source>your database role may not do this: the administrator adds it to %1 (packaging/postgresql/setup.sql)</source>
        <translation>your database role may not do this: the administrator adds it to %1 (packaging/postgresql/setup.sql)</translation>
    </message>
    <message>
        <source>the team store is not set up on this database: the administrator runs packaging/postgresql/setup.sql, then voicectl team-store init</source>
        <translation>the team store is not set up on this database: the administrator runs packaging/postgresql/setup.sql, then voicectl team-store init</translation>
    </message>
    <message>
        <source>the secure connection failed: check the TLS mode and the CA file to trust</source>
        <translation>the secure connection failed: check the TLS mode and the CA file to trust</translation>
    </message>
    <message>
        <source>the server is busy with another operator&apos;s change</source>
        <translation>the server is busy with another operator&apos;s change</translation>
    </message>
    <message>
        <source>the server refused the request</source>
        <translation>the server refused the request</translation>
    </message>
    <message>
        <source>%1. The server said: %2</source>
        <translation>%1. The server said: %2</translation>
    </message>
    <message>
        <source>No team store is selected.</source>
        <translation>No team store is selected.</translation>
    </message>
</context>
<context>
    <name>TeamStoreAddress</name>
    <message>
        <source>The team store is given as postgresql://USER@HOST:PORT/DATABASE, for example postgresql://op1@db.example.ru/voice_console?sslmode=verify-full.</source>
        <translation>The team store is given as postgresql://USER@HOST:PORT/DATABASE, for example postgresql://op1@db.example.ru/voice_console?sslmode=verify-full.</translation>
    </message>
    <message>
        <source>Leave the password out of the team store&apos;s address: give it in VOICE_TEAM_STORE_PASSWORD or keep it in the keychain (Profiles → Team store).</source>
        <translation>Leave the password out of the team store&apos;s address: give it in VOICE_TEAM_STORE_PASSWORD or keep it in the keychain (Profiles → Team store).</translation>
    </message>
    <message>
        <source>The team store&apos;s address needs a user, a host and a database: postgresql://USER@HOST:PORT/DATABASE.</source>
        <translation>The team store&apos;s address needs a user, a host and a database: postgresql://USER@HOST:PORT/DATABASE.</translation>
    </message>
    <message>
        <source>sslmode is one of %1.</source>
        <translation>sslmode is one of %1.</translation>
    </message>
    <message>
        <source>The team store&apos;s address has an unknown setting &quot;%1&quot;: only sslmode and sslrootcert are read.</source>
        <translation>The team store&apos;s address has an unknown setting &quot;%1&quot;: only sslmode and sslrootcert are read.</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Enter a phone number.</source>
        <translation>Enter a phone number.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid phone number. Use the international form, e.g. +7 926 999-99-99.</source>
        <translation>&quot;%1&quot; is not a valid phone number. Use the international form, e.g. +7 926 999-99-99.</translation>
    </message>
    <message>
        <source>The call id is not valid.</source>
        <translation>The call id is not valid.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>--api-url needs the API key in VOICE_API_KEY; it was not set, so a saved profile or the sandbox is used.</source>
        <translation>--api-url needs the API key in VOICE_API_KEY; it was not set, so a saved profile or the sandbox is used.</translation>
    </message>
</context>
<context>
    <name>vc::CallTracker</name>
    <message>
        <source>Nothing was sent: %1</source>
        <translation>Nothing was sent: %1</translation>
    </message>
    <message>
        <source>Nothing was sent: %1.</source>
        <translation>Nothing was sent: %1.</translation>
    </message>
    <message>
        <source>Nothing was sent: the profile was switched while the contact policy was checked.</source>
        <translation>Nothing was sent: the profile was switched while the contact policy was checked.</translation>
    </message>
</context>
<context>
    <name>vc::CampaignReconciler</name>
    <message>
        <source>The journal does not say when this row was requested, so the call history cannot be asked: still unknown.</source>
        <translation>The journal does not say when this row was requested, so the call history cannot be asked: still unknown.</translation>
    </message>
    <message>
        <source>between %1 and %2</source>
        <translation>between %1 and %2</translation>
    </message>
    <message>
        <source>Resolved from Exolve&apos;s call history: one call to this number %1, history id %2 (not a voice-message id), %3 s of talk, so %4.</source>
        <translation>Resolved from Exolve&apos;s call history: one call to this number %1, history id %2 (not a voice-message id), %3 s of talk, so %4.</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>answered</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>not answered</translation>
    </message>
    <message>
        <source>Resolved from Exolve&apos;s call history: one call to this number %1, call id %2; followed with call/v1/GetInfo.</source>
        <translation>Resolved from Exolve&apos;s call history: one call to this number %1, call id %2; followed with call/v1/GetInfo.</translation>
    </message>
    <message>
        <source>Exolve&apos;s call history has %1 calls to this number %2 (another campaign or tool called it too): which one was this campaign&apos;s cannot be told, so it stays unknown.</source>
        <translation>Exolve&apos;s call history has %1 calls to this number %2 (another campaign or tool called it too): which one was this campaign&apos;s cannot be told, so it stays unknown.</translation>
    </message>
    <message>
        <source>Exolve&apos;s call history has no call to this number %1 yet; its records arrive some time after a call, so ask again after %2.</source>
        <translation>Exolve&apos;s call history has no call to this number %1 yet; its records arrive some time after a call, so ask again after %2.</translation>
    </message>
    <message>
        <source>Exolve&apos;s call history has no call to this number %1, %2 min after the request: not placed. It is sent again only when you choose to (Resend Unknown).</source>
        <translation>Exolve&apos;s call history has no call to this number %1, %2 min after the request: not placed. It is sent again only when you choose to (Resend Unknown).</translation>
    </message>
</context>
<context>
    <name>vc::CampaignRegistry</name>
    <message>
        <source>This campaign is running in another program.</source>
        <translation>This campaign is running in another program.</translation>
    </message>
    <message>
        <source>This campaign was never confirmed, so it is not started: create it again.</source>
        <translation>This campaign was never confirmed, so it is not started: create it again.</translation>
    </message>
    <message>
        <source>This campaign was cancelled: it cannot be resumed.</source>
        <translation>This campaign was cancelled: it cannot be resumed.</translation>
    </message>
    <message>
        <source>The campaign is running: pause or cancel it first.</source>
        <translation>The campaign is running: pause or cancel it first.</translation>
    </message>
    <message>
        <source>The campaign is in use by another program (process %1): it was not removed.</source>
        <translation>The campaign is in use by another program (process %1): it was not removed.</translation>
    </message>
    <message>
        <source>The campaign&apos;s lock file cannot be made: it was not removed.</source>
        <translation>The campaign&apos;s lock file cannot be made: it was not removed.</translation>
    </message>
    <message>
        <source>%1 could not be removed.</source>
        <translation>%1 could not be removed.</translation>
    </message>
</context>
<context>
    <name>vc::CampaignRunner</name>
    <message>
        <source>on the do-not-call list (added after the preview)</source>
        <translation>on the do-not-call list (added after the preview)</translation>
    </message>
</context>
<context>
    <name>vc::CampaignTestCall</name>
    <message>
        <source>The test call needs the campaign&apos;s service: choose one.</source>
        <translation>The test call needs the campaign&apos;s service: choose one.</translation>
    </message>
    <message>
        <source>The test call needs the campaign&apos;s audio file id.</source>
        <translation>The test call needs the campaign&apos;s audio file id.</translation>
    </message>
    <message>
        <source>The test call has been &quot;%1&quot; for longer than its answer timeout.</source>
        <translation>The test call has been &quot;%1&quot; for longer than its answer timeout.</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1.</translation>
    </message>
</context>
<context>
    <name>vc::ExolveClient</name>
    <message>
        <source>The call history needs a number or SIP account, a period whose end is not before its start, and a page of 1 to 1000 calls.</source>
        <translation>The call history needs a number or SIP account, a period whose end is not before its start, and a page of 1 to 1000 calls.</translation>
    </message>
    <message>
        <source>The call history has more than %1 calls for this period: choose a shorter one.</source>
        <translation>The call history has more than %1 calls for this period: choose a shorter one.</translation>
    </message>
</context>
<context>
    <name>vc::cli::Cli</name>
    <message>
        <source>API address (default: VOICE_API_URL or https://api.exolve.ru).</source>
        <translation>API address (default: VOICE_API_URL or https://api.exolve.ru).</translation>
    </message>
    <message>
        <source>Use the API key of this profile.</source>
        <translation>Use the API key of this profile.</translation>
    </message>
    <message>
        <source>Output format: table or json.</source>
        <translation>Output format: table or json.</translation>
    </message>
    <message>
        <source>Print every HTTP request to stderr (secrets masked).</source>
        <translation>Print every HTTP request to stderr (secrets masked).</translation>
    </message>
    <message>
        <source>Language of messages: ru or en (default: the system&apos;s).</source>
        <translation>Language of messages: ru or en (default: the system&apos;s).</translation>
    </message>
    <message>
        <source>services create: the service name.</source>
        <translation>services create: the service name.</translation>
    </message>
    <message>
        <source>services create: id of the audio file.</source>
        <translation>services create: id of the audio file.</translation>
    </message>
    <message>
        <source>services create: digit that redirects the call, 0-9 (default 0).</source>
        <translation>services create: digit that redirects the call, 0-9 (default 0).</translation>
    </message>
    <message>
        <source>services create: number to redirect to.</source>
        <translation>services create: number to redirect to.</translation>
    </message>
    <message>
        <source>services delete: do not ask for confirmation.</source>
        <translation>services delete: do not ask for confirmation.</translation>
    </message>
    <message>
        <source>call send: the caller&apos;s number.</source>
        <translation>call send: the caller&apos;s number.</translation>
    </message>
    <message>
        <source>call send: the number to call.</source>
        <translation>call send: the number to call.</translation>
    </message>
    <message>
        <source>call send: the voice-message service id.</source>
        <translation>call send: the voice-message service id.</translation>
    </message>
    <message>
        <source>call send: follow the call until it ends.</source>
        <translation>call send: follow the call until it ends.</translation>
    </message>
    <message>
        <source>call status: follow the call until it ends.</source>
        <translation>call status: follow the call until it ends.</translation>
    </message>
    <message>
        <source>Seconds between status checks with --wait/--watch (default 1).</source>
        <translation>Seconds between status checks with --wait/--watch (default 1).</translation>
    </message>
    <message>
        <source>sip show: show the SIP password.</source>
        <translation>sip show: show the SIP password.</translation>
    </message>
    <message>
        <source>services, call or sip, then the action.</source>
        <translation>services, call or sip, then the action.</translation>
    </message>
    <message>
        <source>Unknown output format &quot;%1&quot;: use table or json.</source>
        <translation>Unknown output format &quot;%1&quot;: use table or json.</translation>
    </message>
    <message>
        <source>--interval takes a number of seconds from 0.1 to 3600.</source>
        <translation>--interval takes a number of seconds from 0.1 to 3600.</translation>
    </message>
    <message>
        <source>Name a command, e.g. &quot;voicectl services list&quot;. See voicectl --help.</source>
        <translation>Name a command, e.g. &quot;voicectl services list&quot;. See voicectl --help.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; was not found. Set VOICE_API_KEY or add the profile in Voice Console.</source>
        <translation>Profile &quot;%1&quot; was not found. Set VOICE_API_KEY or add the profile in Voice Console.</translation>
    </message>
    <message>
        <source>No API key: set VOICE_API_KEY or use --profile NAME.</source>
        <translation>No API key: set VOICE_API_KEY or use --profile NAME.</translation>
    </message>
    <message>
        <source>Name at least one service id: voicectl services delete ID... [--yes]</source>
        <translation>Name at least one service id: voicectl services delete ID... [--yes]</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1 %2&quot;. See voicectl --help.</source>
        <translation>Unknown command &quot;%1 %2&quot;. See voicectl --help.</translation>
    </message>
    <message>
        <source>Wrong number of arguments. Usage: voicectl %1</source>
        <translation>Wrong number of arguments. Usage: voicectl %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>[HTTP %1]</source>
        <translation>[HTTP %1]</translation>
    </message>
    <message>
        <source>Server message: %1</source>
        <translation>Server message: %1</translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation>Detail: %1</translation>
    </message>
    <message>
        <source>services create needs --%1.</source>
        <translation>services create needs --%1.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Created service %1</source>
        <translation>Created service %1</translation>
    </message>
    <message>
        <source>Refusing to delete without confirmation: stdin is not a terminal. Add --yes.</source>
        <translation>Refusing to delete without confirmation: stdin is not a terminal. Add --yes.</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n service(s): %1? Type &quot;yes&quot; to confirm: </source>
        <translation>
            <numerusform>Delete %n service: %1? Type &quot;yes&quot; to confirm: </numerusform>
            <numerusform>Delete %n services: %1? Type &quot;yes&quot; to confirm: </numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>Nothing was deleted.</source>
        <translation>Nothing was deleted.</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>Deleted %1</translation>
    </message>
    <message>
        <source>Could not delete %1: %2</source>
        <translation>Could not delete %1: %2</translation>
    </message>
    <message>
        <source>call send needs --%1.</source>
        <translation>call send needs --%1.</translation>
    </message>
    <message>
        <source>source: %1</source>
        <translation>source: %1</translation>
    </message>
    <message>
        <source>destination: %1</source>
        <translation>destination: %1</translation>
    </message>
    <message>
        <source>service: %1</source>
        <translation>service: %1</translation>
    </message>
    <message>
        <source>Call placed: %1</source>
        <translation>Call placed: %1</translation>
    </message>
    <message>
        <source>The call has been &quot;%1&quot; for longer than its answer timeout; no longer waiting.</source>
        <translation>The call has been &quot;%1&quot; for longer than its answer timeout; no longer waiting.</translation>
    </message>
    <message>
        <source>The API key of profile &quot;%1&quot; could not be read: %2</source>
        <translation>The API key of profile &quot;%1&quot; could not be read: %2</translation>
    </message>
    <message>
        <source>legacy: the integrationapi.net login (default: VOICE_LEGACY_LOGIN).</source>
        <translation>legacy: the integrationapi.net login (default: VOICE_LEGACY_LOGIN).</translation>
    </message>
    <message>
        <source>legacy: API address (default: VOICE_LEGACY_URL or https://integrationapi.net/rest/).</source>
        <translation>legacy: API address (default: VOICE_LEGACY_URL or https://integrationapi.net/rest/).</translation>
    </message>
    <message>
        <source>legacy send: id of the uploaded audio file.</source>
        <translation>legacy send: id of the uploaded audio file.</translation>
    </message>
    <message>
        <source>legacy send: when to send, local time &quot;YYYY-MM-DD HH:MM&quot; (default: now).</source>
        <translation>legacy send: when to send, local time &quot;YYYY-MM-DD HH:MM&quot; (default: now).</translation>
    </message>
    <message>
        <source>legacy send: attempts to reach the number.</source>
        <translation>legacy send: attempts to reach the number.</translation>
    </message>
    <message>
        <source>legacy send: minutes between attempts.</source>
        <translation>legacy send: minutes between attempts.</translation>
    </message>
    <message>
        <source>legacy send: collect the keys the listener presses.</source>
        <translation>legacy send: collect the keys the listener presses.</translation>
    </message>
    <message>
        <source>No integrationapi.net credentials: set VOICE_LEGACY_LOGIN and VOICE_LEGACY_PASSWORD, or use --profile NAME.</source>
        <translation>No integrationapi.net credentials: set VOICE_LEGACY_LOGIN and VOICE_LEGACY_PASSWORD, or use --profile NAME.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; is not an integrationapi.net profile.</source>
        <translation>Profile &quot;%1&quot; is not an integrationapi.net profile.</translation>
    </message>
    <message>
        <source>The password of profile &quot;%1&quot; could not be read: %2</source>
        <translation>The password of profile &quot;%1&quot; could not be read: %2</translation>
    </message>
    <message>
        <source>Balance: %1</source>
        <translation>Balance: %1</translation>
    </message>
    <message>
        <source>legacy send needs --%1.</source>
        <translation>legacy send needs --%1.</translation>
    </message>
    <message>
        <source>--send-date takes local time as &quot;YYYY-MM-DD HH:MM&quot;.</source>
        <translation>--send-date takes local time as &quot;YYYY-MM-DD HH:MM&quot;.</translation>
    </message>
    <message>
        <source>Voice message accepted: %1</source>
        <translation>Voice message accepted: %1</translation>
    </message>
    <message>
        <source>MESSAGE_ID must be a whole number.</source>
        <translation>MESSAGE_ID must be a whole number.</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>%1  %2 (%3)</source>
        <translation>%1  %2 (%3)</translation>
    </message>
    <message>
        <source>The language &quot;%1&quot; is not supported: use ru or en.</source>
        <translation>The language &quot;%1&quot; is not supported: use ru or en.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) were being requested when the last run stopped: their outcome is unknown.</source>
        <translation>
            <numerusform>%n row(s) were being requested when the last run stopped: their outcome is unknown.</numerusform>
            <numerusform>%n row(s) were being requested when the last run stopped: their outcome is unknown.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>Cannot write to the standard output.</source>
        <translation>Cannot write to the standard output.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>The export failed: %1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>(none: dry run)</source>
        <translation>(none: dry run)</translation>
    </message>
    <message>
        <source>Total rows</source>
        <translation>Total rows</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Invalid</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Suppressed (do not call)</source>
        <translation>Suppressed (do not call)</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Placed</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>no status</source>
        <translation>no status</translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation>Not delivered</translation>
    </message>
    <message>
        <source>Still in progress</source>
        <translation>Still in progress</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Unknown outcome</source>
        <translation>Unknown outcome</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Estimated duration</source>
        <translation>Estimated duration</translation>
    </message>
    <message>
        <source>campaign run needs --source NUMBER.</source>
        <translation>campaign run needs --source NUMBER.</translation>
    </message>
    <message>
        <source>--redial needs --redial-gap MIN (minutes between calls).</source>
        <translation>--redial needs --redial-gap MIN (minutes between calls).</translation>
    </message>
    <message>
        <source>--separator takes one character: , ; or tab.</source>
        <translation>--separator takes one character: , ; or tab.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>The do-not-call file %1 does not exist.</source>
        <translation>The do-not-call file %1 does not exist.</translation>
    </message>
    <message numerus="yes">
        <source>Reading the file: %n row(s)</source>
        <translation>
            <numerusform>Reading the file: %n row(s)</numerusform>
            <numerusform>Reading the file: %n row(s)</numerusform>
        </translation>
    </message>
    <message>
        <source>File: %1 (%2%3, separator %4, %5, number column &quot;%6&quot;)</source>
        <translation>File: %1 (%2%3, separator %4, %5, number column &quot;%6&quot;)</translation>
    </message>
    <message>
        <source> with BOM</source>
        <translation> with BOM</translation>
    </message>
    <message>
        <source>header row</source>
        <translation>header row</translation>
    </message>
    <message>
        <source>no header row</source>
        <translation>no header row</translation>
    </message>
    <message>
        <source>Warning: the file could not be read to its end: %1</source>
        <translation>Warning: the file could not be read to its end: %1</translation>
    </message>
    <message>
        <source>  line %1: &quot;%2&quot; — %3</source>
        <translation>  line %1: &quot;%2&quot; — %3</translation>
    </message>
    <message numerus="yes">
        <source>  … and %n more (all of them: voicectl campaign export, or -o json --dry-run)</source>
        <translation>
            <numerusform>  … and %n more (all of them: voicectl campaign export, or -o json --dry-run)</numerusform>
            <numerusform>  … and %n more (all of them: voicectl campaign export, or -o json --dry-run)</numerusform>
        </translation>
    </message>
    <message>
        <source>Estimated duration: %1 at %2 call(s) per second%3</source>
        <translation>Estimated duration: %1 at %2 call(s) per second%3</translation>
    </message>
    <message>
        <source>, window %1 (%2)</source>
        <translation>, window %1 (%2)</translation>
    </message>
    <message>
        <source>the recipient&apos;s zone, else this computer&apos;s</source>
        <translation>the recipient&apos;s zone, else this computer&apos;s</translation>
    </message>
    <message>
        <source>Nothing to call: no row is ready. Nothing was sent.</source>
        <translation>Nothing to call: no row is ready. Nothing was sent.</translation>
    </message>
    <message>
        <source>Refusing to call without confirmation: stdin is not a terminal. Add --yes. Nothing was sent.</source>
        <translation>Refusing to call without confirmation: stdin is not a terminal. Add --yes. Nothing was sent.</translation>
    </message>
    <message numerus="yes">
        <source>Call %n number(s)? Type &quot;yes&quot; to start: </source>
        <translation>
            <numerusform>Call %n number(s)? Type &quot;yes&quot; to start: </numerusform>
            <numerusform>Call %n number(s)? Type &quot;yes&quot; to start: </numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>Nothing was sent.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) were being requested when the last run stopped: their outcome is unknown and they are not sent again unless you ask (--resend-unknown).</source>
        <translation>
            <numerusform>%n row(s) were being requested when the last run stopped: their outcome is unknown and they are not sent again unless you ask (--resend-unknown).</numerusform>
            <numerusform>%n row(s) were being requested when the last run stopped: their outcome is unknown and they are not sent again unless you ask (--resend-unknown).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have an unknown outcome: each may have been called already, and sending again may call these people twice. Add --yes to send them again.</source>
        <translation>
            <numerusform>%n row(s) have an unknown outcome: each may have been called already, and sending again may call these people twice. Add --yes to send them again.</numerusform>
            <numerusform>%n row(s) have an unknown outcome: each may have been called already, and sending again may call these people twice. Add --yes to send them again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with an unknown outcome will be sent again, as you asked.</source>
        <translation>
            <numerusform>%n row(s) with an unknown outcome will be sent again, as you asked.</numerusform>
            <numerusform>%n row(s) with an unknown outcome will be sent again, as you asked.</numerusform>
        </translation>
    </message>
    <message>
        <source>Journal: %1</source>
        <translation>Journal: %1</translation>
    </message>
    <message>
        <source>Warning: the call history cannot be opened (%1); the journal keeps every call.</source>
        <translation>Warning: the call history cannot be opened (%1); the journal keeps every call.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) wait for their sending window or a re-dial until %1.</source>
        <translation>
            <numerusform>%n row(s) wait for their sending window or a re-dial until %1.</numerusform>
            <numerusform>%n row(s) wait for their sending window or a re-dial until %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The API asks to slow down (HTTP 429): the campaign pauses for %1.</source>
        <translation>The API asks to slow down (HTTP 429): the campaign pauses for %1.</translation>
    </message>
    <message>
        <source>Line %1: refused by the API, nothing was placed: %2</source>
        <translation>Line %1: refused by the API, nothing was placed: %2</translation>
    </message>
    <message>
        <source>Line %1: the outcome is unknown (the call may have been placed); it will not be sent again: %2</source>
        <translation>Line %1: the outcome is unknown (the call may have been placed); it will not be sent again: %2</translation>
    </message>
    <message numerus="yes">
        <source>Stopping: no new calls; waiting for %n request(s) under way.</source>
        <translation>
            <numerusform>Stopping: no new calls; waiting for %n request(s) under way.</numerusform>
            <numerusform>Stopping: no new calls; waiting for %n request(s) under way.</numerusform>
        </translation>
    </message>
    <message>
        <source>, about %1 left</source>
        <translation>, about %1 left</translation>
    </message>
    <message>
        <source>Resume with: voicectl campaign resume %1</source>
        <translation>Resume with: voicectl campaign resume %1</translation>
    </message>
    <message>
        <source>Interrupted: no more calls were placed. %1</source>
        <translation>Interrupted: no more calls were placed. %1</translation>
    </message>
    <message>
        <source>The campaign stopped: %1</source>
        <translation>The campaign stopped: %1</translation>
    </message>
    <message>
        <source>The API refused the campaign: %1</source>
        <translation>The API refused the campaign: %1</translation>
    </message>
    <message>
        <source>The campaign stopped: the journal cannot be written (%1). No call was placed after that.</source>
        <translation>The campaign stopped: the journal cannot be written (%1). No call was placed after that.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) still wait (their sending window, a re-dial or a resume). %1</source>
        <translation>
            <numerusform>%n row(s) still wait (their sending window, a re-dial or a resume). %1</numerusform>
            <numerusform>%n row(s) still wait (their sending window, a re-dial or a resume). %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have an unknown outcome: check them (voicectl campaign export) before sending them again with resume --resend-unknown.</source>
        <translation>
            <numerusform>%n row(s) have an unknown outcome: check them (voicectl campaign export) before sending them again with resume --resend-unknown.</numerusform>
            <numerusform>%n row(s) have an unknown outcome: check them (voicectl campaign export) before sending them again with resume --resend-unknown.</numerusform>
        </translation>
    </message>
    <message>
        <source>Added %1; the list has %2 number(s).</source>
        <translation>Added %1; the list has %2 number(s).</translation>
    </message>
    <message>
        <source>Removed %1; the list has %2 number(s).</source>
        <translation>Removed %1; the list has %2 number(s).</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2 Nothing was changed.</source>
        <translation>&quot;%1&quot;: %2 Nothing was changed.</translation>
    </message>
    <message>
        <source>Name at least one number: voicectl dnc %1 NUMBER...</source>
        <translation>Name at least one number: voicectl dnc %1 NUMBER...</translation>
    </message>
    <message>
        <source>The do-not-call list is empty (%1).</source>
        <translation>The do-not-call list is empty (%1).</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) are not phone numbers and were skipped, e.g. &quot;%1&quot;.</source>
        <translation>
            <numerusform>%n line(s) are not phone numbers and were skipped, e.g. &quot;%1&quot;.</numerusform>
            <numerusform>%n line(s) are not phone numbers and were skipped, e.g. &quot;%1&quot;.</numerusform>
        </translation>
    </message>
    <message>
        <source>campaign export, dnc export: write to this file instead of the standard output.</source>
        <translation>campaign export, dnc export: write to this file instead of the standard output.</translation>
    </message>
    <message>
        <source>campaign: calls per second (default 1, fractions allowed).</source>
        <translation>campaign: calls per second (default 1, fractions allowed).</translation>
    </message>
    <message>
        <source>campaign: requests in flight at once (default 4).</source>
        <translation>campaign: requests in flight at once (default 4).</translation>
    </message>
    <message>
        <source>campaign: time zone of rows without a tz column (default: this computer&apos;s).</source>
        <translation>campaign: time zone of rows without a tz column (default: this computer&apos;s).</translation>
    </message>
    <message>
        <source>campaign: one more do-not-call list for this run (one number per line).</source>
        <translation>campaign: one more do-not-call list for this run (one number per line).</translation>
    </message>
    <message>
        <source>campaign: call busy or unanswered numbers again, at most N more times.</source>
        <translation>campaign: call busy or unanswered numbers again, at most N more times.</translation>
    </message>
    <message>
        <source>campaign: minutes between re-dials.</source>
        <translation>campaign: minutes between re-dials.</translation>
    </message>
    <message>
        <source>campaign: where to keep the journal (default: the data folder).</source>
        <translation>campaign: where to keep the journal (default: the data folder).</translation>
    </message>
    <message>
        <source>campaign: the file&apos;s separator, one character or tab (default: detected).</source>
        <translation>campaign: the file&apos;s separator, one character or tab (default: detected).</translation>
    </message>
    <message>
        <source>campaign: the number column, by name or position from 1.</source>
        <translation>campaign: the number column, by name or position from 1.</translation>
    </message>
    <message>
        <source>campaign run: show the preview and place no call.</source>
        <translation>campaign run: show the preview and place no call.</translation>
    </message>
    <message>
        <source>campaign: return once every row is dispatched, without following the calls.</source>
        <translation>campaign: return once every row is dispatched, without following the calls.</translation>
    </message>
    <message>
        <source>campaign resume: send again the rows whose outcome is unknown (needs --yes).</source>
        <translation>campaign resume: send again the rows whose outcome is unknown (needs --yes).</translation>
    </message>
    <message>
        <source>placed %1 of %2 (completed %3, not delivered %4, in progress %5), rejected %6, unknown %7, waiting %8</source>
        <translation>placed %1 of %2 (completed %3, not delivered %4, in progress %5), rejected %6, unknown %7, waiting %8</translation>
    </message>
    <message>
        <source>, next call at %1</source>
        <translation>, next call at %1</translation>
    </message>
    <message>
        <source>This campaign was never confirmed, so nothing of it is resumed: run it again with voicectl campaign run. Nothing was sent.</source>
        <translation>This campaign was never confirmed, so nothing of it is resumed: run it again with voicectl campaign run. Nothing was sent.</translation>
    </message>
    <message>
        <source>This campaign was cancelled; it is not resumed. Nothing was sent.</source>
        <translation>This campaign was cancelled; it is not resumed. Nothing was sent.</translation>
    </message>
    <message>
        <source>The journal %1 is damaged (SQLite&apos;s integrity check failed): what follows is what can still be read from it, and it may be incomplete. The file was left as it is.</source>
        <translation>The journal %1 is damaged (SQLite&apos;s integrity check failed): what follows is what can still be read from it, and it may be incomplete. The file was left as it is.</translation>
    </message>
    <message>
        <source>--encoding takes utf-8, cp1251, utf-16le or utf-16be.</source>
        <translation>--encoding takes utf-8, cp1251, utf-16le or utf-16be.</translation>
    </message>
    <message>
        <source>Proxy for API requests: a URL (http://[user:password@]host:port), none, or system (the default: https_proxy, http_proxy, all_proxy and no_proxy from the environment). A proxy that asks for a password takes VOICE_PROXY_USER and VOICE_PROXY_PASSWORD.</source>
        <translation>Proxy for API requests: a URL (http://[user:password@]host:port), none, or system (the default: https_proxy, http_proxy, all_proxy and no_proxy from the environment). A proxy that asks for a password takes VOICE_PROXY_USER and VOICE_PROXY_PASSWORD.</translation>
    </message>
    <message>
        <source>campaign: the file&apos;s encoding, utf-8, cp1251, utf-16le or utf-16be (default: detected).</source>
        <translation>campaign: the file&apos;s encoding, utf-8, cp1251, utf-16le or utf-16be (default: detected).</translation>
    </message>
    <message>
        <source>--proxy takes a proxy address such as http://proxy.example:3128, none, or system.</source>
        <translation>--proxy takes a proxy address such as http://proxy.example:3128, none, or system.</translation>
    </message>
    <message>
        <source>Give the proxy&apos;s user name and password in VOICE_PROXY_USER and VOICE_PROXY_PASSWORD, or in its address (--proxy http://user:password@host:port).</source>
        <translation>Give the proxy&apos;s user name and password in VOICE_PROXY_USER and VOICE_PROXY_PASSWORD, or in its address (--proxy http://user:password@host:port).</translation>
    </message>
    <message>
        <source>The journal could not be read to its end: %1</source>
        <translation>The journal could not be read to its end: %1</translation>
    </message>
    <message>
        <source>The campaign could not be confirmed in its journal %1: %2. Nothing was sent.</source>
        <translation>The campaign could not be confirmed in its journal %1: %2. Nothing was sent.</translation>
    </message>
    <message>
        <source>--tz takes a time zone such as Europe/Moscow or UTC+03:00.</source>
        <translation>--tz takes a time zone such as Europe/Moscow or UTC+03:00.</translation>
    </message>
    <message>
        <source>Capped (contact policy)</source>
        <translation>Capped (contact policy)</translation>
    </message>
    <message>
        <source>call send, legacy send: place the call over the contact policy&apos;s cap; the reason is recorded.</source>
        <translation>call send, legacy send: place the call over the contact policy&apos;s cap; the reason is recorded.</translation>
    </message>
    <message>
        <source>policy set: 230-fz (2 calls a day, 4 a week, 16 a month to one number) or none.</source>
        <translation>policy set: 230-fz (2 calls a day, 4 a week, 16 a month to one number) or none.</translation>
    </message>
    <message>
        <source>policy set: calls to one number per day, in its local time (0 = no cap).</source>
        <translation>policy set: calls to one number per day, in its local time (0 = no cap).</translation>
    </message>
    <message>
        <source>policy set: calls to one number per week, Monday to Sunday (0 = no cap).</source>
        <translation>policy set: calls to one number per week, Monday to Sunday (0 = no cap).</translation>
    </message>
    <message>
        <source>policy set: calls to one number per calendar month (0 = no cap).</source>
        <translation>policy set: calls to one number per calendar month (0 = no cap).</translation>
    </message>
    <message>
        <source>--preset takes 230-fz or none.</source>
        <translation>--preset takes 230-fz or none.</translation>
    </message>
    <message>
        <source>--%1 takes a whole number from 0 (no cap) to 1000.</source>
        <translation>--%1 takes a whole number from 0 (no cap) to 1000.</translation>
    </message>
    <message>
        <source>The settings file cannot be written: %1</source>
        <translation>The settings file cannot be written: %1</translation>
    </message>
    <message>
        <source>Unknown command &quot;policy %1&quot;. See voicectl --help.</source>
        <translation>Unknown command &quot;policy %1&quot;. See voicectl --help.</translation>
    </message>
    <message>
        <source>Contact policy: %1</source>
        <translation>Contact policy: %1</translation>
    </message>
    <message>
        <source>Caps per number, in the recipient&apos;s local time: %1</source>
        <translation>Caps per number, in the recipient&apos;s local time: %1</translation>
    </message>
    <message>
        <source>--override-cap needs a reason, recorded in the contact ledger.</source>
        <translation>--override-cap needs a reason, recorded in the contact ledger.</translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation>Nothing was sent: %1</translation>
    </message>
    <message>
        <source>Over the contact policy&apos;s cap (%1): placed with the reason you gave, recorded in the ledger.</source>
        <translation>Over the contact policy&apos;s cap (%1): placed with the reason you gave, recorded in the ledger.</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Scheduled start</source>
        <translation>Scheduled start</translation>
    </message>
    <message>
        <source>Purpose: %1</source>
        <translation>Purpose: %1</translation>
    </message>
    <message>
        <source>Scheduled: the first call waits until %1.</source>
        <translation>Scheduled: the first call waits until %1.</translation>
    </message>
    <message>
        <source>--purpose takes informational or advertising.</source>
        <translation>--purpose takes informational or advertising.</translation>
    </message>
    <message>
        <source>--start-at takes a local time as &quot;YYYY-MM-DD HH:MM&quot; (in --tz, else this computer&apos;s zone).</source>
        <translation>--start-at takes a local time as &quot;YYYY-MM-DD HH:MM&quot; (in --tz, else this computer&apos;s zone).</translation>
    </message>
    <message>
        <source>campaign run: why the people are called: informational (default; reminders, notifications, debts) or advertising (refused: 38-FZ art. 18 part 2 forbids automatic dialing for it).</source>
        <translation>campaign run: why the people are called: informational (default; reminders, notifications, debts) or advertising (refused: 38-FZ art. 18 part 2 forbids automatic dialing for it).</translation>
    </message>
    <message>
        <source>campaign run: the first call waits until this local time, &quot;YYYY-MM-DD HH:MM&quot; (in --tz, else this computer&apos;s zone).</source>
        <translation>campaign run: the first call waits until this local time, &quot;YYYY-MM-DD HH:MM&quot; (in --tz, else this computer&apos;s zone).</translation>
    </message>
    <message>
        <source>No sending window: at any hour of the day in the recipient&apos;s time.</source>
        <translation>No sending window: at any hour of the day in the recipient&apos;s time.</translation>
    </message>
    <message>
        <source>policy set: hours to call on working days, in the recipient&apos;s local time (none: not set).</source>
        <translation>policy set: hours to call on working days, in the recipient&apos;s local time (none: not set).</translation>
    </message>
    <message>
        <source>policy set: hours to call on weekends and public holidays (none: not set).</source>
        <translation>policy set: hours to call on weekends and public holidays (none: not set).</translation>
    </message>
    <message>
        <source>holidays list: only this year.</source>
        <translation>holidays list: only this year.</translation>
    </message>
    <message>
        <source>campaign: hours to call in, in the recipient&apos;s local time: 09:00-20:00, or working days / weekends and holidays, 08:00-22:00/09:00-20:00; none for any hour (default: the contact policy&apos;s, else 09:00-20:00).</source>
        <translation>campaign: hours to call in, in the recipient&apos;s local time: 09:00-20:00, or working days / weekends and holidays, 08:00-22:00/09:00-20:00; none for any hour (default: the contact policy&apos;s, else 09:00-20:00).</translation>
    </message>
    <message>
        <source>--%1: %2</source>
        <translation>--%1: %2</translation>
    </message>
    <message>
        <source>one range, HH:MM-HH:MM.</source>
        <translation>one range, HH:MM-HH:MM.</translation>
    </message>
    <message>
        <source>Hours on working days: %1; on weekends and holidays: %2 (a campaign&apos;s window unless it gives its own)</source>
        <translation>Hours on working days: %1; on weekends and holidays: %2 (a campaign&apos;s window unless it gives its own)</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>A campaign without --window calls %1 every day.</source>
        <translation>A campaign without --window calls %1 every day.</translation>
    </message>
    <message>
        <source>--year takes a year, e.g. 2026.</source>
        <translation>--year takes a year, e.g. 2026.</translation>
    </message>
    <message>
        <source>The calendar has no dates for that year: import one with voicectl holidays import FILE.</source>
        <translation>The calendar has no dates for that year: import one with voicectl holidays import FILE.</translation>
    </message>
    <message>
        <source>%1  working day (transferred)</source>
        <translation>%1  working day (transferred)</translation>
    </message>
    <message>
        <source>%1  day off</source>
        <translation>%1  day off</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n date(s) into %1.</source>
        <translation>
            <numerusform>Imported %n date into %1.</numerusform>
            <numerusform>Imported %n dates into %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown command &quot;holidays %1&quot;. See voicectl --help.</source>
        <translation>Unknown command &quot;holidays %1&quot;. See voicectl --help.</translation>
    </message>
    <message>
        <source>dnc add and import: why (subscriber, operator-list, complaint, other); dnc remove: why, in words. Kept in the list&apos;s history.</source>
        <translation>dnc add and import: why (subscriber, operator-list, complaint, other); dnc remove: why, in words. Kept in the list&apos;s history.</translation>
    </message>
    <message>
        <source>dnc add: a note kept with the entry and in the history.</source>
        <translation>dnc add: a note kept with the entry and in the history.</translation>
    </message>
    <message>
        <source>Say why with --reason %1. Nothing was changed.</source>
        <translation>Say why with --reason %1. Nothing was changed.</translation>
    </message>
    <message>
        <source>A number leaves the do-not-call list only with a reason: --reason TEXT. Nothing was changed.</source>
        <translation>A number leaves the do-not-call list only with a reason: --reason TEXT. Nothing was changed.</translation>
    </message>
    <message>
        <source>Unknown command &quot;dnc %1&quot;. Use add, remove, list, import, export or log.</source>
        <translation>Unknown command &quot;dnc %1&quot;. Use add, remove, list, import, export or log.</translation>
    </message>
    <message>
        <source>Test call to %1 placed (%2): waiting for its end…</source>
        <translation>Test call to %1 placed (%2): waiting for its end…</translation>
    </message>
    <message>
        <source>The test call to %1 was delivered (%2).</source>
        <translation>The test call to %1 was delivered (%2).</translation>
    </message>
    <message>
        <source>The test call was not placed: %1 Nothing else was sent.</source>
        <translation>The test call was not placed: %1 Nothing else was sent.</translation>
    </message>
    <message>
        <source>The test call to %1 ended &quot;%2&quot;: the campaign was not started. Nothing else was sent.</source>
        <translation>The test call to %1 ended &quot;%2&quot;: the campaign was not started. Nothing else was sent.</translation>
    </message>
    <message>
        <source>--test-to places a call: a dry run places none.</source>
        <translation>--test-to places a call: a dry run places none.</translation>
    </message>
    <message>
        <source>--test-to: %1</source>
        <translation>--test-to: %1</translation>
    </message>
    <message>
        <source>campaign run: first call this number (yours) with the campaign&apos;s message and wait for its end; the campaign starts only when it was delivered.</source>
        <translation>campaign run: first call this number (yours) with the campaign&apos;s message and wait for its end; the campaign starts only when it was delivered.</translation>
    </message>
    <message>
        <source>%1 Nothing was imported.</source>
        <translation>%1 Nothing was imported.</translation>
    </message>
    <message>
        <source>--%1 needs --%2 MIN (minutes between calls).</source>
        <translation>--%1 needs --%2 MIN (minutes between calls).</translation>
    </message>
    <message>
        <source>campaign: after a busy ending, call again while the row has had at most N calls more.</source>
        <translation>campaign: after a busy ending, call again while the row has had at most N calls more.</translation>
    </message>
    <message>
        <source>campaign: minutes before calling a busy number again.</source>
        <translation>campaign: minutes before calling a busy number again.</translation>
    </message>
    <message>
        <source>campaign: after an unanswered call, call again while the row has had at most N calls more.</source>
        <translation>campaign: after an unanswered call, call again while the row has had at most N calls more.</translation>
    </message>
    <message>
        <source>campaign: minutes before calling an unanswered number again.</source>
        <translation>campaign: minutes before calling an unanswered number again.</translation>
    </message>
    <message>
        <source>campaign export: one row per call placed (re-dials included) instead of one per input row.</source>
        <translation>campaign export: one row per call placed (re-dials included) instead of one per input row.</translation>
    </message>
    <message>
        <source>Nothing was sent: %1.</source>
        <translation>Nothing was sent: %1.</translation>
    </message>
    <message>
        <source>Nothing was sent: %1. To call anyway, give --override-cap REASON.</source>
        <translation>Nothing was sent: %1. To call anyway, give --override-cap REASON.</translation>
    </message>
    <message>
        <source>No consent (contact policy)</source>
        <translation>No consent (contact policy)</translation>
    </message>
    <message>
        <source>Rows: %1 — ready %2, invalid %3, duplicate %4, suppressed %5, capped %6, no consent %7</source>
        <translation>Rows: %1 — ready %2, invalid %3, duplicate %4, suppressed %5, capped %6, no consent %7</translation>
    </message>
    <message>
        <source>Consent column: %1</source>
        <translation>Consent column: %1</translation>
    </message>
    <message>
        <source>policy set: yes: campaign rows without consent (a date or source in the consent column) are not called.</source>
        <translation>policy set: yes: campaign rows without consent (a date or source in the consent column) are not called.</translation>
    </message>
    <message>
        <source>campaign: the column that holds each row&apos;s consent, a date or a source (default: a column named consent or согласие).</source>
        <translation>campaign: the column that holds each row&apos;s consent, a date or a source (default: a column named consent or согласие).</translation>
    </message>
    <message>
        <source>--require-consent takes yes or no.</source>
        <translation>--require-consent takes yes or no.</translation>
    </message>
    <message>
        <source>Consent required: campaign rows without a consent column&apos;s date or source are not called.</source>
        <translation>Consent required: campaign rows without a consent column&apos;s date or source are not called.</translation>
    </message>
    <message>
        <source>Consent not required.</source>
        <translation>Consent not required.</translation>
    </message>
    <message>
        <source>--settle takes minutes from 0 to 1440.</source>
        <translation>--settle takes minutes from 0 to 1440.</translation>
    </message>
    <message>
        <source>integrationapi.net has no call history to ask: its unknown outcomes cannot be resolved this way. Nothing was changed or sent.</source>
        <translation>integrationapi.net has no call history to ask: its unknown outcomes cannot be resolved this way. Nothing was changed or sent.</translation>
    </message>
    <message>
        <source>placed</source>
        <translation>placed</translation>
    </message>
    <message>
        <source>not placed</source>
        <translation>not placed</translation>
    </message>
    <message>
        <source>still unknown</source>
        <translation>still unknown</translation>
    </message>
    <message>
        <source>Line %1 (+%2): %3. %4</source>
        <translation>Line %1 (+%2): %3. %4</translation>
    </message>
    <message>
        <source>The call history could not be read to the end: %1. What was resolved before is kept.</source>
        <translation>The call history could not be read to the end: %1. What was resolved before is kept.</translation>
    </message>
    <message>
        <source>Resolved from Exolve&apos;s call history: %1 placed, %2 not placed (sent again only with --resend-unknown --yes), %3 still unknown.</source>
        <translation>Resolved from Exolve&apos;s call history: %1 placed, %2 not placed (sent again only with --resend-unknown --yes), %3 still unknown.</translation>
    </message>
    <message>
        <source>history reconcile: the period&apos;s start, &quot;YYYY-MM-DD HH:MM&quot; (this computer&apos;s zone) or ISO 8601.</source>
        <translation>history reconcile: the period&apos;s start, &quot;YYYY-MM-DD HH:MM&quot; (this computer&apos;s zone) or ISO 8601.</translation>
    </message>
    <message>
        <source>history reconcile: the period&apos;s end.</source>
        <translation>history reconcile: the period&apos;s end.</translation>
    </message>
    <message>
        <source>history reconcile: also ask Exolve about this number (the comparison covers the numbers called from here in the period).</source>
        <translation>history reconcile: also ask Exolve about this number (the comparison covers the numbers called from here in the period).</translation>
    </message>
    <message>
        <source>campaign resume: first ask Exolve&apos;s call history about the rows whose outcome is unknown.</source>
        <translation>campaign resume: first ask Exolve&apos;s call history about the rows whose outcome is unknown.</translation>
    </message>
    <message>
        <source>campaign reconcile: minutes after a request before a call missing from the history counts as not placed (default 10).</source>
        <translation>campaign reconcile: minutes after a request before a call missing from the history counts as not placed (default 10).</translation>
    </message>
    <message>
        <source>Warning: the call history cannot be opened (%1): this call is not recorded in it.</source>
        <translation>Warning: the call history cannot be opened (%1): this call is not recorded in it.</translation>
    </message>
    <message>
        <source>Warning: the call could not be recorded in the call history.</source>
        <translation>Warning: the call could not be recorded in the call history.</translation>
    </message>
    <message>
        <source>--%1 takes a time: &quot;YYYY-MM-DD HH:MM&quot; (this computer&apos;s zone), a date, or ISO 8601 with a zone.</source>
        <translation>--%1 takes a time: &quot;YYYY-MM-DD HH:MM&quot; (this computer&apos;s zone), a date, or ISO 8601 with a zone.</translation>
    </message>
    <message>
        <source>history reconcile needs --from and --to.</source>
        <translation>history reconcile needs --from and --to.</translation>
    </message>
    <message>
        <source>--to must come after --from.</source>
        <translation>--to must come after --from.</translation>
    </message>
    <message>
        <source>The call history cannot be opened, so there is nothing to compare.</source>
        <translation>The call history cannot be opened, so there is nothing to compare.</translation>
    </message>
    <message>
        <source>--number: %1</source>
        <translation>--number: %1</translation>
    </message>
    <message>
        <source>Exolve&apos;s call history could not be read: %1</source>
        <translation>Exolve&apos;s call history could not be read: %1</translation>
    </message>
    <message>
        <source>Warning: the comparison could not be kept: %1</source>
        <translation>Warning: the comparison could not be kept: %1</translation>
    </message>
    <message>
        <source>only here</source>
        <translation>only here</translation>
    </message>
    <message>
        <source>only at Exolve</source>
        <translation>only at Exolve</translation>
    </message>
    <message>
        <source>durations differ</source>
        <translation>durations differ</translation>
    </message>
    <message>
        <source>in both</source>
        <translation>in both</translation>
    </message>
    <message>
        <source>+%1  %2  %3  here %4 s, Exolve %5 s  %6</source>
        <translation>+%1  %2  %3  here %4 s, Exolve %5 s  %6</translation>
    </message>
    <message>
        <source>In both: %1 (durations differ: %2); only here: %3; only at Exolve: %4.</source>
        <translation>In both: %1 (durations differ: %2); only here: %3; only at Exolve: %4.</translation>
    </message>
    <message>
        <source>Kept in %1</source>
        <translation>Kept in %1</translation>
    </message>
    <message>
        <source>Team store unreachable since %1: no call is placed without its cap check; trying again at %2.
%3</source>
        <translation>Team store unreachable since %1: no call is placed without its cap check; trying again at %2.
%3</translation>
    </message>
    <message>
        <source>The team store answers again: the campaign goes on.</source>
        <translation>The team store answers again: the campaign goes on.</translation>
    </message>
    <message>
        <source>Voice Console command line: manage Exolve voice-message services, send voice messages, follow calls.

Commands:
  services list
  services show ID
  services create --name NAME --media-id N [--digit D] --redirect-number NUMBER
  services delete ID... [--yes]
  call send --source NUMBER --destination NUMBER --service ID [--wait] [--tz ZONE] [--override-cap REASON]
  call status CALL_ID [--watch]
  sip show SIP_RESOURCE_ID [--show-secrets]
  legacy balance
  legacy send --source NUMBER --destination NUMBER --file-id N [--send-date &quot;YYYY-MM-DD HH:MM&quot;]
              [--retry-count N] [--gap MIN] [--dtmf]
  legacy state MESSAGE_ID [--watch]
  campaign run FILE --service ID --source NUMBER [--rate R] [--concurrency N]
               [--window HH:MM-HH:MM] [--tz ZONE] [--dnc FILE] [--redial N --redial-gap MIN]
               [--journal FILE] [--encoding utf-8|cp1251|utf-16le|utf-16be] [--separator CHAR] [--column NAME|N]
               [--consent-column NAME] [--purpose informational|advertising] [--start-at &quot;YYYY-MM-DD HH:MM&quot;] [--test-to NUMBER]
               [--redial-busy N --redial-busy-gap MIN] [--redial-no-answer N --redial-no-answer-gap MIN]
               [--dry-run] [--yes] [--no-wait]
  campaign resume JOURNAL [--resolve-unknown] [--resend-unknown] [--yes] [--no-wait]
  campaign reconcile JOURNAL [--settle MIN]
  history reconcile --from TIME --to TIME [--number NUMBER]...
  campaign status JOURNAL
  campaign export JOURNAL [--attempts] [--output FILE]
  legacy campaign run FILE --file-id N --source NUMBER [the same options]
  dnc add NUMBER... --reason subscriber|operator-list|complaint|other [--note TEXT]
  dnc remove NUMBER... --reason TEXT
  dnc import FILE --reason subscriber|operator-list|complaint|other
  dnc list | export [--output FILE] | log
  policy show
  policy set [--preset 230-fz|none] [--per-day N] [--per-week N] [--per-month N]
             [--workdays HH:MM-HH:MM|none] [--weekends HH:MM-HH:MM|none] [--require-consent yes|no]
  holidays list [--year Y]
  holidays import FILE
  campaign list
  team-store init | status | upload

The API key comes from VOICE_API_KEY; integrationapi.net credentials from --login or VOICE_LEGACY_LOGIN and VOICE_LEGACY_PASSWORD. Exit codes: 0 success, 1 API error, 2 usage or validation error, 3 network/TLS/timeout, 4 call ended other than completed (campaigns: some rows not delivered, rejected, unknown or still waiting), 130 interrupted (resumable).</source>
        <translation>Voice Console command line: manage Exolve voice-message services, send voice messages, follow calls.

Commands:
  services list
  services show ID
  services create --name NAME --media-id N [--digit D] --redirect-number NUMBER
  services delete ID... [--yes]
  call send --source NUMBER --destination NUMBER --service ID [--wait] [--tz ZONE] [--override-cap REASON]
  call status CALL_ID [--watch]
  sip show SIP_RESOURCE_ID [--show-secrets]
  legacy balance
  legacy send --source NUMBER --destination NUMBER --file-id N [--send-date &quot;YYYY-MM-DD HH:MM&quot;]
              [--retry-count N] [--gap MIN] [--dtmf]
  legacy state MESSAGE_ID [--watch]
  campaign run FILE --service ID --source NUMBER [--rate R] [--concurrency N]
               [--window HH:MM-HH:MM] [--tz ZONE] [--dnc FILE] [--redial N --redial-gap MIN]
               [--journal FILE] [--encoding utf-8|cp1251|utf-16le|utf-16be] [--separator CHAR] [--column NAME|N]
               [--consent-column NAME] [--purpose informational|advertising] [--start-at &quot;YYYY-MM-DD HH:MM&quot;] [--test-to NUMBER]
               [--redial-busy N --redial-busy-gap MIN] [--redial-no-answer N --redial-no-answer-gap MIN]
               [--dry-run] [--yes] [--no-wait]
  campaign resume JOURNAL [--resolve-unknown] [--resend-unknown] [--yes] [--no-wait]
  campaign reconcile JOURNAL [--settle MIN]
  history reconcile --from TIME --to TIME [--number NUMBER]...
  campaign status JOURNAL
  campaign export JOURNAL [--attempts] [--output FILE]
  legacy campaign run FILE --file-id N --source NUMBER [the same options]
  dnc add NUMBER... --reason subscriber|operator-list|complaint|other [--note TEXT]
  dnc remove NUMBER... --reason TEXT
  dnc import FILE --reason subscriber|operator-list|complaint|other
  dnc list | export [--output FILE] | log
  policy show
  policy set [--preset 230-fz|none] [--per-day N] [--per-week N] [--per-month N]
             [--workdays HH:MM-HH:MM|none] [--weekends HH:MM-HH:MM|none] [--require-consent yes|no]
  holidays list [--year Y]
  holidays import FILE
  campaign list
  team-store init | status | upload

The API key comes from VOICE_API_KEY; integrationapi.net credentials from --login or VOICE_LEGACY_LOGIN and VOICE_LEGACY_PASSWORD. Exit codes: 0 success, 1 API error, 2 usage or validation error, 3 network/TLS/timeout, 4 call ended other than completed (campaigns: some rows not delivered, rejected, unknown or still waiting), 130 interrupted (resumable).</translation>
    </message>
    <message>
        <source>The team&apos;s shared store (do-not-call list, contact ledger) on PostgreSQL: postgresql://USER@HOST:PORT/DATABASE[?sslmode=verify-full&amp;sslrootcert=FILE] (default: VOICE_TEAM_STORE; without it, this computer&apos;s own store). The password comes from VOICE_TEAM_STORE_PASSWORD or the keychain.</source>
        <translation>The team&apos;s shared store (do-not-call list, contact ledger) on PostgreSQL: postgresql://USER@HOST:PORT/DATABASE[?sslmode=verify-full&amp;sslrootcert=FILE] (default: VOICE_TEAM_STORE; without it, this computer&apos;s own store). The password comes from VOICE_TEAM_STORE_PASSWORD or the keychain.</translation>
    </message>
    <message>
        <source>The team store&apos;s password was found neither in VOICE_TEAM_STORE_PASSWORD nor in the keychain: %1</source>
        <translation>The team store&apos;s password was found neither in VOICE_TEAM_STORE_PASSWORD nor in the keychain: %1</translation>
    </message>
    <message>
        <source>The team&apos;s policy, kept on the team store %1.</source>
        <translation>The team&apos;s policy, kept on the team store %1.</translation>
    </message>
    <message>
        <source>Usage: voicectl team-store init | status | upload</source>
        <translation>Usage: voicectl team-store init | status | upload</translation>
    </message>
    <message>
        <source>No team store is set (--team-store or VOICE_TEAM_STORE): this computer&apos;s own store is used, %1.</source>
        <translation>No team store is set (--team-store or VOICE_TEAM_STORE): this computer&apos;s own store is used, %1.</translation>
    </message>
    <message>
        <source>The team store %1 is reachable; its schema is not made yet: run voicectl team-store init.</source>
        <translation>The team store %1 is reachable; its schema is not made yet: run voicectl team-store init.</translation>
    </message>
    <message>
        <source>The team store %1 is reachable; schema version %2 (this Voice Console: %3).</source>
        <translation>The team store %1 is reachable; schema version %2 (this Voice Console: %3).</translation>
    </message>
    <message>
        <source>Name the team store: --team-store postgresql://USER@HOST/DATABASE or VOICE_TEAM_STORE.</source>
        <translation>Name the team store: --team-store postgresql://USER@HOST/DATABASE or VOICE_TEAM_STORE.</translation>
    </message>
    <message>
        <source>The team store %1 already has schema version %2: nothing to do.</source>
        <translation>The team store %1 already has schema version %2: nothing to do.</translation>
    </message>
    <message>
        <source>The team store %1 was set up: schema version %2.</source>
        <translation>The team store %1 was set up: schema version %2.</translation>
    </message>
    <message>
        <source>The team store %1 was migrated from schema version %2 to %3.</source>
        <translation>The team store %1 was migrated from schema version %2 to %3.</translation>
    </message>
    <message numerus="yes">
        <source>Uploaded to %1: %n number(s) new on the do-not-call list,</source>
        <translation>
            <numerusform>Uploaded to %1: %n number new on the do-not-call list,</numerusform>
            <numerusform>Uploaded to %1: %n numbers new on the do-not-call list,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n history entry(ies),</source>
        <translation>
            <numerusform>%n history entry,</numerusform>
            <numerusform>%n history entries,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) into the contact ledger.</source>
        <translation>
            <numerusform>%n call into the contact ledger.</numerusform>
            <numerusform>%n calls into the contact ledger.</numerusform>
        </translation>
    </message>
    <message>
        <source>The team had no contact policy yet: this computer&apos;s is now the team&apos;s.</source>
        <translation>The team had no contact policy yet: this computer&apos;s is now the team&apos;s.</translation>
    </message>
    <message>
        <source>This computer&apos;s own store %1 is kept unchanged as a backup.</source>
        <translation>This computer&apos;s own store %1 is kept unchanged as a backup.</translation>
    </message>
    <message>
        <source>This campaign runs on another computer of the team: it cannot be started here.</source>
        <translation>This campaign runs on another computer of the team: it cannot be started here.</translation>
    </message>
    <message>
        <source>This campaign is %1: it cannot be started here.</source>
        <translation>This campaign is %1: it cannot be started here.</translation>
    </message>
    <message>
        <source>Another computer of the team took this campaign while the team store was away: no more calls from here.</source>
        <translation>Another computer of the team took this campaign while the team store was away: no more calls from here.</translation>
    </message>
    <message>
        <source>%1  %2  %3 on %4 since %5; placed %6 of %7, waiting %8, unknown %9</source>
        <translation>%1  %2  %3 on %4 since %5; placed %6 of %7, waiting %8, unknown %9</translation>
    </message>
    <message>
        <source>%1  %2; placed %3 of %4, waiting %5, unknown %6</source>
        <translation>%1  %2; placed %3 of %4, waiting %5, unknown %6</translation>
    </message>
    <message>
        <source>No campaigns.</source>
        <translation>No campaigns.</translation>
    </message>
</context>
<context>
    <name>vc::ui::AboutBox</name>
    <message>
        <source>GNU LGPL version 3</source>
        <translation>GNU LGPL version 3</translation>
    </message>
    <message>
        <source>BSD 2-clause licence</source>
        <translation>BSD 2-clause licence</translation>
    </message>
    <message>
        <source>Apache License 2.0</source>
        <translation>Apache License 2.0</translation>
    </message>
    <message>
        <source>BSD 3-clause licence</source>
        <translation>BSD 3-clause licence</translation>
    </message>
    <message>
        <source>public domain</source>
        <translation>public domain</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Voice Console %1&lt;/h3&gt;&lt;p&gt;A console for voice-message services on the Exolve Voice API and the integrationapi.net voice API.&lt;/p&gt;&lt;p&gt;Distributed under the MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Voice Console %1&lt;/h3&gt;&lt;p&gt;A console for voice-message services on the Exolve Voice API and the integrationapi.net voice API.&lt;/p&gt;&lt;p&gt;Distributed under the MIT licence.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>Built with</translation>
    </message>
    <message>
        <source>Qt is used under the LGPL: it is linked dynamically and can be replaced. The notices of every component are in THIRD-PARTY-NOTICES.md, installed with the program.</source>
        <translation>Qt is used under the LGPL: it is linked dynamically and can be replaced. The notices of every component are in THIRD-PARTY-NOTICES.md, installed with the program.</translation>
    </message>
    <message>
        <source>About Voice Console</source>
        <translation>About Voice Console</translation>
    </message>
</context>
<context>
    <name>vc::ui::CallCharts</name>
    <message numerus="yes">
        <source>How calls ended (%n call(s))</source>
        <translation>
            <numerusform>How calls ended (%n call)</numerusform>
            <numerusform>How calls ended (%n calls)</numerusform>
        </translation>
    </message>
    <message>
        <source>0–10 s</source>
        <translation>0–10 s</translation>
    </message>
    <message>
        <source>10–30 s</source>
        <translation>10–30 s</translation>
    </message>
    <message>
        <source>30–60 s</source>
        <translation>30–60 s</translation>
    </message>
    <message>
        <source>1–5 min</source>
        <translation>1–5 min</translation>
    </message>
    <message>
        <source>5+ min</source>
        <translation>5+ min</translation>
    </message>
    <message>
        <source>Duration of answered calls</source>
        <translation>Duration of answered calls</translation>
    </message>
</context>
<context>
    <name>vc::ui::CallHistoryModel</name>
    <message>
        <source>outcome unknown</source>
        <translation>outcome unknown</translation>
    </message>
    <message>
        <source>stale (%1)</source>
        <translation>stale (%1)</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>watching</source>
        <translation>watching</translation>
    </message>
    <message>
        <source>ringing</source>
        <translation>ringing</translation>
    </message>
    <message>
        <source>talking</source>
        <translation>talking</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>answered</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completed</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>busy</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>no answer</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>canceled</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>modified</translation>
    </message>
    <message>
        <source>(no id: outcome unknown)</source>
        <translation>(no id: outcome unknown)</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Call ID</source>
        <translation>Call ID</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>sending</translation>
    </message>
    <message>
        <source>listened</source>
        <translation>listened</translation>
    </message>
    <message>
        <source>not listened</source>
        <translation>not listened</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
</context>
<context>
    <name>vc::ui::CallsPage</name>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Select a call to see its details and status timeline.</source>
        <translation>Select a call to see its details and status timeline.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Status: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Status: %2</translation>
    </message>
    <message>
        <source>The answer to this send was lost: the call may have been placed. Check before sending again.</source>
        <translation>The answer to this send was lost: the call may have been placed. Check before sending again.</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>From %1 to %2</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>Service: %1</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Created: %1</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>Started: %1</translation>
    </message>
    <message>
        <source>Ended: %1</source>
        <translation>Ended: %1</translation>
    </message>
    <message numerus="yes">
        <source>Duration: %n second(s)</source>
        <translation>
            <numerusform>Duration: %n second</numerusform>
            <numerusform>Duration: %n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>Export calls</source>
        <translation>Export calls</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) exported to %1.</source>
        <translation>
            <numerusform>%n call exported to %1.</numerusform>
            <numerusform>%n calls exported to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>The export failed: %1</translation>
    </message>
    <message>
        <source>Call id to follow</source>
        <translation>Call id to follow</translation>
    </message>
    <message>
        <source>Search calls by number or call id</source>
        <translation>Search calls by number or call id</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Status filter</translation>
    </message>
    <message>
        <source>Reload the history</source>
        <translation>Reload the history</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Status timeline of the selected call</source>
        <translation>Status timeline of the selected call</translation>
    </message>
    <message>
        <source>All calls</source>
        <translation>All calls</translation>
    </message>
    <message>
        <source>Campaign %1</source>
        <translation>Campaign %1</translation>
    </message>
    <message>
        <source>Campaign filter</source>
        <translation>Campaign filter</translation>
    </message>
    <message>
        <source>The call history is not open, so there is nothing to compare.</source>
        <translation>The call history is not open, so there is nothing to compare.</translation>
    </message>
</context>
<context>
    <name>vc::ui::CampaignCheckPage</name>
    <message>
        <source>Reading the file: %1 rows…</source>
        <translation>Reading the file: %1 rows…</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Every row as the campaign will see it: ready to call, invalid, a duplicate of an earlier row, or on the do-not-call list. Only ready rows are called, each once.</source>
        <translation>Every row as the campaign will see it: ready to call, invalid, a duplicate of an earlier row, or on the do-not-call list. Only ready rows are called, each once.</translation>
    </message>
    <message>
        <source>E&amp;xport Problems…</source>
        <translation>E&amp;xport Problems…</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>All rows</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Invalid</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation>Do not call</translation>
    </message>
    <message>
        <source>Show rows</source>
        <translation>Show rows</translation>
    </message>
    <message>
        <source>Rows of the file</source>
        <translation>Rows of the file</translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>Reading the file</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Stopped.</translation>
    </message>
    <message>
        <source>%1 rows: &lt;b&gt;%2 ready&lt;/b&gt;, %3 invalid, %4 duplicates, %5 on the do-not-call list.</source>
        <translation>%1 rows: &lt;b&gt;%2 ready&lt;/b&gt;, %3 invalid, %4 duplicates, %5 on the do-not-call list.</translation>
    </message>
    <message>
        <source>Export Problems</source>
        <translation>Export Problems</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>No row can be called: check the number column on the first page and the service on the previous one.</source>
        <translation>No row can be called: check the number column on the first page and the service on the previous one.</translation>
    </message>
    <message>
        <source>Over a contact cap</source>
        <translation>Over a contact cap</translation>
    </message>
    <message numerus="yes">
        <source>%n over the contact policy&apos;s caps (called too often already).</source>
        <translation>
            <numerusform>%n over the contact policy&apos;s caps (called too often already).</numerusform>
            <numerusform>%n over the contact policy&apos;s caps (called too often already).</numerusform>
        </translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>No consent</translation>
    </message>
    <message numerus="yes">
        <source>%n without consent, which the contact policy requires.</source>
        <translation>
            <numerusform>%n without consent, which the contact policy requires.</numerusform>
            <numerusform>%n without consent, which the contact policy requires.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vc::ui::CampaignConfirmPage</name>
    <message>
        <source>Start the campaign</source>
        <translation>Start the campaign</translation>
    </message>
    <message>
        <source>&amp;Start Calling</source>
        <translation>&amp;Start Calling</translation>
    </message>
    <message>
        <source>audio file %1</source>
        <translation>audio file %1</translation>
    </message>
    <message>
        <source>named by each row</source>
        <translation>named by each row</translation>
    </message>
    <message>
        <source>service «%1»</source>
        <translation>service «%1»</translation>
    </message>
    <message>
        <source>Call %1 number(s) from %2 with %3?</source>
        <translation>Call %1 number(s) from %2 with %3?</translation>
    </message>
    <message>
        <source>Call %1 number(s) from %2 with %3 between %4 and %5 in each recipient&apos;s time?</source>
        <translation>Call %1 number(s) from %2 with %3 between %4 and %5 in each recipient&apos;s time?</translation>
    </message>
    <message>
        <source>%1 call(s) per second, at most %2 at once. Not called: %3 invalid, %4 duplicate, %5 on the do-not-call list. Nobody is called twice; a call whose outcome is unknown is never sent again without your say.</source>
        <translation>%1 call(s) per second, at most %2 at once. Not called: %3 invalid, %4 duplicate, %5 on the do-not-call list. Nobody is called twice; a call whose outcome is unknown is never sent again without your say.</translation>
    </message>
    <message>
        <source>This is the built-in sandbox: no real call is made and nothing costs money.</source>
        <translation>This is the built-in sandbox: no real call is made and nothing costs money.</translation>
    </message>
    <message>
        <source>Balance: %1</source>
        <translation>Balance: %1</translation>
    </message>
    <message>
        <source>The balance is unavailable: %1</source>
        <translation>The balance is unavailable: %1</translation>
    </message>
    <message numerus="yes">
        <source>Estimated duration: %1 for %n call(s).</source>
        <translation>
            <numerusform>Estimated duration: %1 for %n call(s).</numerusform>
            <numerusform>Estimated duration: %1 for %n call(s).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more over the contact policy&apos;s caps.</source>
        <translation>
            <numerusform>%n more over the contact policy&apos;s caps.</numerusform>
            <numerusform>%n more over the contact policy&apos;s caps.</numerusform>
        </translation>
    </message>
    <message>
        <source>Purpose: %1.</source>
        <translation>Purpose: %1.</translation>
    </message>
    <message>
        <source>No sending window: at any hour of the day in the recipient&apos;s time.</source>
        <translation>No sending window: at any hour of the day in the recipient&apos;s time.</translation>
    </message>
    <message>
        <source>Scheduled: confirmed now, the first call waits until %1.</source>
        <translation>Scheduled: confirmed now, the first call waits until %1.</translation>
    </message>
    <message>
        <source>Call %1 number(s) from %2 with %3, %4 on working days and %5 on weekends and holidays, in each recipient&apos;s time?</source>
        <translation>Call %1 number(s) from %2 with %3, %4 on working days and %5 on weekends and holidays, in each recipient&apos;s time?</translation>
    </message>
    <message>
        <source>Calling %1…</source>
        <translation>Calling %1…</translation>
    </message>
    <message>
        <source>Test call to %1: %2…</source>
        <translation>Test call to %1: %2…</translation>
    </message>
    <message>
        <source>The test call to %1 was delivered (%2): the message plays as it should.</source>
        <translation>The test call to %1 was delivered (%2): the message plays as it should.</translation>
    </message>
    <message>
        <source>The test call was not placed: %1</source>
        <translation>The test call was not placed: %1</translation>
    </message>
    <message>
        <source>The test call to %1 ended &quot;%2&quot;: check the message before you start.</source>
        <translation>The test call to %1 ended &quot;%2&quot;: check the message before you start.</translation>
    </message>
    <message>
        <source>&amp;Test call to:</source>
        <translation>&amp;Test call to:</translation>
    </message>
    <message>
        <source>your own number, e.g. +7 926 123-45-67</source>
        <translation>your own number, e.g. +7 926 123-45-67</translation>
    </message>
    <message>
        <source>&amp;Place Test Call</source>
        <translation>&amp;Place Test Call</translation>
    </message>
    <message>
        <source>Test call to</source>
        <translation>Test call to</translation>
    </message>
    <message>
        <source>Place Test Call</source>
        <translation>Place Test Call</translation>
    </message>
    <message numerus="yes">
        <source>%n more without consent.</source>
        <translation>
            <numerusform>%n more without consent.</numerusform>
            <numerusform>%n more without consent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vc::ui::CampaignFilePage</name>
    <message>
        <source>Open a List of Numbers</source>
        <translation>Open a List of Numbers</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV files (*.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>The list of numbers</source>
        <translation>The list of numbers</translation>
    </message>
    <message>
        <source>Open or drop a CSV file. Check that it reads as it should, and which column holds the numbers.</source>
        <translation>Open or drop a CSV file. Check that it reads as it should, and which column holds the numbers.</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>&amp;Encoding:</translation>
    </message>
    <message>
        <source>&amp;Separator:</source>
        <translation>&amp;Separator:</translation>
    </message>
    <message>
        <source>First row is a &amp;header</source>
        <translation>First row is a &amp;header</translation>
    </message>
    <message>
        <source>&amp;Number column:</source>
        <translation>&amp;Number column:</translation>
    </message>
    <message>
        <source>Se&amp;rvice id column:</source>
        <translation>Se&amp;rvice id column:</translation>
    </message>
    <message>
        <source>Audio file id co&amp;lumn:</source>
        <translation>Audio file id co&amp;lumn:</translation>
    </message>
    <message>
        <source>&amp;Time zone column:</source>
        <translation>&amp;Time zone column:</translation>
    </message>
    <message>
        <source>N&amp;ame column:</source>
        <translation>N&amp;ame column:</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Detect</translation>
    </message>
    <message>
        <source>Comma ,</source>
        <translation>Comma ,</translation>
    </message>
    <message>
        <source>Semicolon ;</source>
        <translation>Semicolon ;</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>A CSV file: one row per number</source>
        <translation>A CSV file: one row per number</translation>
    </message>
    <message>
        <source>The first rows as they will be read</source>
        <translation>The first rows as they will be read</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>The file has no rows.</source>
        <translation>The file has no rows.</translation>
    </message>
    <message>
        <source>Read as %1%2, separator “%3”; %4.</source>
        <translation>Read as %1%2, separator “%3”; %4.</translation>
    </message>
    <message>
        <source> with BOM</source>
        <translation> with BOM</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tab</translation>
    </message>
    <message>
        <source>the first row is a header</source>
        <translation>the first row is a header</translation>
    </message>
    <message>
        <source>no header row</source>
        <translation>no header row</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Column %1</translation>
    </message>
    <message>
        <source>%1 (column %2)</source>
        <translation>%1 (column %2)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>C&amp;onsent column:</source>
        <translation>C&amp;onsent column:</translation>
    </message>
</context>
<context>
    <name>vc::ui::CampaignListModel</name>
    <message>
        <source>Cannot be read</source>
        <translation>Cannot be read</translation>
    </message>
    <message>
        <source>Running in another program</source>
        <translation>Running in another program</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Interrupted</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>%1 delivered, %2 not, %3 rejected, %4 unknown</source>
        <translation>%1 delivered, %2 not, %3 rejected, %4 unknown</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Provider and profile</source>
        <translation>Provider and profile</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Outcomes</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
</context>
<context>
    <name>vc::ui::CampaignRowsModel</name>
    <message>
        <source>ready</source>
        <translation>ready</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>invalid</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>duplicate</translation>
    </message>
    <message>
        <source>do not call</source>
        <translation>do not call</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>calling</source>
        <translation>calling</translation>
    </message>
    <message>
        <source>placed</source>
        <translation>placed</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>outcome unknown</source>
        <translation>outcome unknown</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>stale</translation>
    </message>
    <message>
        <source>duplicate of line %1</source>
        <translation>duplicate of line %1</translation>
    </message>
    <message>
        <source>waits until %1</source>
        <translation>waits until %1</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Number in the file</source>
        <translation>Number in the file</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Call id</source>
        <translation>Call id</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>over a cap</source>
        <translation>over a cap</translation>
    </message>
    <message>
        <source>no consent</source>
        <translation>no consent</translation>
    </message>
</context>
<context>
    <name>vc::ui::CampaignSettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>What to send, from which number, how fast and when. Times are the recipient&apos;s local time.</source>
        <translation>What to send, from which number, how fast and when. Times are the recipient&apos;s local time.</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Service:</translation>
    </message>
    <message>
        <source>Audio &amp;file id:</source>
        <translation>Audio &amp;file id:</translation>
    </message>
    <message>
        <source>&amp;Caller number:</source>
        <translation>&amp;Caller number:</translation>
    </message>
    <message>
        <source>&amp;Calls per second:</source>
        <translation>&amp;Calls per second:</translation>
    </message>
    <message>
        <source>at most &amp;at once:</source>
        <translation>at most &amp;at once:</translation>
    </message>
    <message>
        <source>Call only &amp;between</source>
        <translation>Call only &amp;between</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>Time &amp;zone:</translation>
    </message>
    <message>
        <source>This computer&apos;s zone (%1)</source>
        <translation>This computer&apos;s zone (%1)</translation>
    </message>
    <message>
        <source> more time(s)</source>
        <translation> more time(s)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>after</source>
        <translation>after</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Do not call:</source>
        <translation>Do not call:</translation>
    </message>
    <message>
        <source>e.g. +7 495 123-45-67</source>
        <translation>e.g. +7 495 123-45-67</translation>
    </message>
    <message>
        <source>The id of an uploaded audio file</source>
        <translation>The id of an uploaded audio file</translation>
    </message>
    <message>
        <source>Minutes between calls to the same number</source>
        <translation>Minutes between calls to the same number</translation>
    </message>
    <message>
        <source>Optional: rows name their own service</source>
        <translation>Optional: rows name their own service</translation>
    </message>
    <message>
        <source>Type to search the services</source>
        <translation>Type to search the services</translation>
    </message>
    <message>
        <source>The services could not be loaded: %1</source>
        <translation>The services could not be loaded: %1</translation>
    </message>
    <message>
        <source>Calls come from %1</source>
        <translation>Calls come from %1</translation>
    </message>
    <message>
        <source>Rows with their own time zone use it; this zone is for the others.</source>
        <translation>Rows with their own time zone use it; this zone is for the others.</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) on the shared do-not-call list (Tools → Do-Not-Call List…): rows with them are found on the next page and never called.</source>
        <translation>
            <numerusform>%n number on the shared do-not-call list (Tools → Do-Not-Call List…): rows with it are found on the next page and never called.</numerusform>
            <numerusform>%n numbers on the shared do-not-call list (Tools → Do-Not-Call List…): rows with them are found on the next page and never called.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rows without a file_id of their own will be invalid on the next page.</source>
        <translation>Rows without a file_id of their own will be invalid on the next page.</translation>
    </message>
    <message>
        <source>Rows without a service_id of their own will be invalid on the next page.</source>
        <translation>Rows without a service_id of their own will be invalid on the next page.</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Purpose:</translation>
    </message>
    <message>
        <source>S&amp;tart at</source>
        <translation>S&amp;tart at</translation>
    </message>
    <message>
        <source>Scheduled start, this computer&apos;s time</source>
        <translation>Scheduled start, this computer&apos;s time</translation>
    </message>
    <message>
        <source>working days; weekends and &amp;holidays</source>
        <translation>working days; weekends and &amp;holidays</translation>
    </message>
    <message>
        <source>Sending window start, working days</source>
        <translation>Sending window start, working days</translation>
    </message>
    <message>
        <source>Sending window end, working days</source>
        <translation>Sending window end, working days</translation>
    </message>
    <message>
        <source>Sending window start, weekends and holidays</source>
        <translation>Sending window start, weekends and holidays</translation>
    </message>
    <message>
        <source>Sending window end, weekends and holidays</source>
        <translation>Sending window end, weekends and holidays</translation>
    </message>
    <message>
        <source>Call again when &amp;not reached:</source>
        <translation>Call again when &amp;not reached:</translation>
    </message>
    <message>
        <source>Call &amp;busy numbers again:</source>
        <translation>Call &amp;busy numbers again:</translation>
    </message>
    <message>
        <source>Call &amp;unanswered numbers again:</source>
        <translation>Call &amp;unanswered numbers again:</translation>
    </message>
    <message>
        <source>Minutes before calling a busy number again</source>
        <translation>Minutes before calling a busy number again</translation>
    </message>
    <message>
        <source>Minutes before calling an unanswered number again</source>
        <translation>Minutes before calling an unanswered number again</translation>
    </message>
</context>
<context>
    <name>vc::ui::CampaignWizard</name>
    <message>
        <source>New Campaign</source>
        <translation>New Campaign</translation>
    </message>
    <message>
        <source>The campaign could not be started: %1. Nothing was called.</source>
        <translation>The campaign could not be started: %1. Nothing was called.</translation>
    </message>
</context>
<context>
    <name>vc::ui::CampaignsPage</name>
    <message>
        <source>&amp;New Campaign…</source>
        <translation>&amp;New Campaign…</translation>
    </message>
    <message>
        <source>Call a list of numbers from a CSV file</source>
        <translation>Call a list of numbers from a CSV file</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Resume</translation>
    </message>
    <message>
        <source>&amp;Cancel Campaign</source>
        <translation>&amp;Cancel Campaign</translation>
    </message>
    <message>
        <source>Resend &amp;Unknown…</source>
        <translation>Resend &amp;Unknown…</translation>
    </message>
    <message>
        <source>Call again the rows whose outcome is unknown (they may have been called)</source>
        <translation>Call again the rows whose outcome is unknown (they may have been called)</translation>
    </message>
    <message>
        <source>&amp;Export Report…</source>
        <translation>&amp;Export Report…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>Re&amp;move…</translation>
    </message>
    <message>
        <source>&amp;Do-Not-Call List…</source>
        <translation>&amp;Do-Not-Call List…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Search by number</source>
        <translation>Search by number</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>All rows</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Placed</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation>Outcome unknown</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Invalid</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation>Do not call</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <source>Rows of the campaign</source>
        <translation>Rows of the campaign</translation>
    </message>
    <message>
        <source>Show rows</source>
        <translation>Show rows</translation>
    </message>
    <message>
        <source>Campaign progress</source>
        <translation>Campaign progress</translation>
    </message>
    <message>
        <source>Campaign details</source>
        <translation>Campaign details</translation>
    </message>
    <message>
        <source>No campaigns yet</source>
        <translation>No campaigns yet</translation>
    </message>
    <message>
        <source>A campaign calls every number of a CSV file with one voice message, inside the sending window you choose, never twice and never a number on the do-not-call list. Start one with New Campaign…</source>
        <translation>A campaign calls every number of a CSV file with one voice message, inside the sending window you choose, never twice and never a number on the do-not-call list. Start one with New Campaign…</translation>
    </message>
    <message>
        <source>Waiting for the sending window: the next call at %1 (in %2).</source>
        <translation>Waiting for the sending window: the next call at %1 (in %2).</translation>
    </message>
    <message>
        <source>Paused by the service&apos;s rate limit (HTTP 429): going on in %1.</source>
        <translation>Paused by the service&apos;s rate limit (HTTP 429): going on in %1.</translation>
    </message>
    <message>
        <source>Stopped: the network failed. Nothing more was called; retry when the connection is back.
%1</source>
        <translation>Stopped: the network failed. Nothing more was called; retry when the connection is back.
%1</translation>
    </message>
    <message numerus="yes">
        <source>Interrupted: resume it to call the %n row(s) still waiting.</source>
        <translation>
            <numerusform>Interrupted: resume it to call the %n row(s) still waiting.</numerusform>
            <numerusform>Interrupted: resume it to call the %n row(s) still waiting.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have an unknown outcome: they may have been called and are never sent again unless you choose Resend Unknown…</source>
        <translation>
            <numerusform>%n row(s) have an unknown outcome: they may have been called and are never sent again unless you choose Resend Unknown…</numerusform>
            <numerusform>%n row(s) have an unknown outcome: they may have been called and are never sent again unless you choose Resend Unknown…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 called (%p%)</source>
        <translation>%1 of %2 called (%p%)</translation>
    </message>
    <message>
        <source>Rows %1: ready %2, invalid %3, duplicate %4, do not call %5. Delivered %6, not delivered %7, in progress %8, rejected %9, unknown %10, waiting %11.</source>
        <translation>Rows %1: ready %2, invalid %3, duplicate %4, do not call %5. Delivered %6, not delivered %7, in progress %8, rejected %9, unknown %10, waiting %11.</translation>
    </message>
    <message>
        <source>About %1 left at %2 call(s) per second.</source>
        <translation>About %1 left at %2 call(s) per second.</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Outcomes</translation>
    </message>
    <message>
        <source>Delivered calls per hour</source>
        <translation>Delivered calls per hour</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>delivered</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>Answered calls: %1, lasting %2 on average (the longest %3).</source>
        <translation>Answered calls: %1, lasting %2 on average (the longest %3).</translation>
    </message>
    <message>
        <source>No answered call yet.</source>
        <translation>No answered call yet.</translation>
    </message>
    <message>
        <source>This campaign was started with the profile &quot;%1&quot;: switch to it to go on.</source>
        <translation>This campaign was started with the profile &quot;%1&quot;: switch to it to go on.</translation>
    </message>
    <message>
        <source>%1 delivered, %2 not delivered, %3 rejected, %4 unknown.</source>
        <translation>%1 delivered, %2 not delivered, %3 rejected, %4 unknown.</translation>
    </message>
    <message>
        <source>Cancel Campaign</source>
        <translation>Cancel Campaign</translation>
    </message>
    <message>
        <source>Cancel the campaign &quot;%1&quot;? No more calls are placed; calls under way end normally. A cancelled campaign cannot be resumed.</source>
        <translation>Cancel the campaign &quot;%1&quot;? No more calls are placed; calls under way end normally. A cancelled campaign cannot be resumed.</translation>
    </message>
    <message>
        <source>Resend Unknown</source>
        <translation>Resend Unknown</translation>
    </message>
    <message numerus="yes">
        <source>Call again %n row(s) whose outcome is unknown?</source>
        <translation>
            <numerusform>Call again %n row(s) whose outcome is unknown?</numerusform>
            <numerusform>Call again %n row(s) whose outcome is unknown?</numerusform>
        </translation>
    </message>
    <message>
        <source>Each of these calls may already have been placed: the request reached the service and no answer came back. Sending again may call these people twice.</source>
        <translation>Each of these calls may already have been placed: the request reached the service and no answer came back. Sending again may call these people twice.</translation>
    </message>
    <message>
        <source>Call Them Again</source>
        <translation>Call Them Again</translation>
    </message>
    <message>
        <source>Export Campaign Report</source>
        <translation>Export Campaign Report</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>The report could not be exported: %1</source>
        <translation>The report could not be exported: %1</translation>
    </message>
    <message>
        <source>Report exported to %1</source>
        <translation>Report exported to %1</translation>
    </message>
    <message>
        <source>Remove Campaign</source>
        <translation>Remove Campaign</translation>
    </message>
    <message>
        <source>Remove the campaign &quot;%1&quot; and its journal %2? The calls stay in the call history, but this campaign&apos;s record of who was called is lost.</source>
        <translation>Remove the campaign &quot;%1&quot; and its journal %2? The calls stay in the call history, but this campaign&apos;s record of who was called is lost.</translation>
    </message>
    <message>
        <source>Choose a profile first: a campaign calls with its account.</source>
        <translation>Choose a profile first: a campaign calls with its account.</translation>
    </message>
    <message>
        <source>This campaign was never confirmed, so it is not started from here: create it again with New Campaign… (and remove this one).</source>
        <translation>This campaign was never confirmed, so it is not started from here: create it again with New Campaign… (and remove this one).</translation>
    </message>
    <message>
        <source>This campaign was started by voicectl against %1, not the address of the profile in use: go on with &quot;voicectl campaign resume %2&quot;.</source>
        <translation>This campaign was started by voicectl against %1, not the address of the profile in use: go on with &quot;voicectl campaign resume %2&quot;.</translation>
    </message>
    <message>
        <source>Campaign actions</source>
        <translation>Campaign actions</translation>
    </message>
    <message>
        <source>More campaign actions</source>
        <translation>More campaign actions</translation>
    </message>
    <message>
        <source>Over a contact cap</source>
        <translation>Over a contact cap</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) over the contact policy&apos;s caps when checked: not called.</source>
        <translation>
            <numerusform>%n row over the contact policy&apos;s caps when checked: not called.</numerusform>
            <numerusform>%n rows over the contact policy&apos;s caps when checked: not called.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export &amp;Attempts…</source>
        <translation>Export &amp;Attempts…</translation>
    </message>
    <message>
        <source>One row per call placed, re-dials included</source>
        <translation>One row per call placed, re-dials included</translation>
    </message>
    <message>
        <source>Export Campaign Attempts</source>
        <translation>Export Campaign Attempts</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>No consent</translation>
    </message>
    <message>
        <source>Scheduled: the first call at %1 (in %2). Nothing is called before.</source>
        <translation>Scheduled: the first call at %1 (in %2). Nothing is called before.</translation>
    </message>
    <message>
        <source>Scheduled for %1 (in %2): resume it on this computer to call then.</source>
        <translation>Scheduled for %1 (in %2): resume it on this computer to call then.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) without the consent the contact policy requires: not called.</source>
        <translation>
            <numerusform>%n row without the consent the contact policy requires: not called.</numerusform>
            <numerusform>%n rows without the consent the contact policy requires: not called.</numerusform>
        </translation>
    </message>
    <message>
        <source>Res&amp;olve Unknown…</source>
        <translation>Res&amp;olve Unknown…</translation>
    </message>
    <message>
        <source>Ask Exolve&apos;s call history whether the calls whose outcome is unknown were placed</source>
        <translation>Ask Exolve&apos;s call history whether the calls whose outcome is unknown were placed</translation>
    </message>
    <message>
        <source>Paused: the team store unreachable since %1. No call is placed without its cap check; the campaign goes on by itself when the server answers.
%2</source>
        <translation>Paused: the team store unreachable since %1. No call is placed without its cap check; the campaign goes on by itself when the server answers.
%2</translation>
    </message>
    <message>
        <source>Not started here: it is %1. It can be resumed here once it stops there, or once that computer has been silent for a while (its lease ends with its connection).</source>
        <translation>Not started here: it is %1. It can be resumed here once it stops there, or once that computer has been silent for a while (its lease ends with its connection).</translation>
    </message>
</context>
<context>
    <name>vc::ui::CompareDialog</name>
    <message>
        <source>%1 could not be read.</source>
        <translation>%1 could not be read.</translation>
    </message>
    <message>
        <source>integrationapi.net has no call history to compare with: switch to an Exolve profile.</source>
        <translation>integrationapi.net has no call history to compare with: switch to an Exolve profile.</translation>
    </message>
    <message>
        <source>The end of the period must come after its start.</source>
        <translation>The end of the period must come after its start.</translation>
    </message>
    <message>
        <source>Asking Exolve about %1 of %2 number(s)…</source>
        <translation>Asking Exolve about %1 of %2 number(s)…</translation>
    </message>
    <message>
        <source>Exolve&apos;s call history could not be read: %1</source>
        <translation>Exolve&apos;s call history could not be read: %1</translation>
    </message>
    <message>
        <source>The comparison could not be kept: %1</source>
        <translation>The comparison could not be kept: %1</translation>
    </message>
    <message>
        <source>only here</source>
        <translation>only here</translation>
    </message>
    <message>
        <source>only at Exolve</source>
        <translation>only at Exolve</translation>
    </message>
    <message>
        <source>durations differ</source>
        <translation>durations differ</translation>
    </message>
    <message>
        <source>in both</source>
        <translation>in both</translation>
    </message>
    <message>
        <source>%1 to %2: in both %3 (durations differ: %4), only here %5, only at Exolve %6.</source>
        <translation>%1 to %2: in both %3 (durations differ: %4), only here %5, only at Exolve %6.</translation>
    </message>
    <message>
        <source>(choose one)</source>
        <translation>(choose one)</translation>
    </message>
    <message>
        <source>Export the Comparison</source>
        <translation>Export the Comparison</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>The comparison could not be exported: %1</source>
        <translation>The comparison could not be exported: %1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <source>Compare with Exolve</source>
        <translation>Compare with Exolve</translation>
    </message>
    <message>
        <source>The calls this computer placed through Exolve in the period (the app, campaigns and voicectl) beside Exolve&apos;s own call history. Exolve is asked about each number called from here: calls to other numbers are not seen.</source>
        <translation>The calls this computer placed through Exolve in the period (the app, campaigns and voicectl) beside Exolve&apos;s own call history. Exolve is asked about each number called from here: calls to other numbers are not seen.</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Compare</translation>
    </message>
    <message>
        <source>&amp;Earlier:</source>
        <translation>&amp;Earlier:</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Show:</translation>
    </message>
    <message>
        <source>All calls</source>
        <translation>All calls</translation>
    </message>
    <message>
        <source>In both</source>
        <translation>In both</translation>
    </message>
    <message>
        <source>Durations differ</source>
        <translation>Durations differ</translation>
    </message>
    <message>
        <source>Only here</source>
        <translation>Only here</translation>
    </message>
    <message>
        <source>Only at Exolve</source>
        <translation>Only at Exolve</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Placed</translation>
    </message>
    <message>
        <source>Call id here</source>
        <translation>Call id here</translation>
    </message>
    <message>
        <source>Call id at Exolve</source>
        <translation>Call id at Exolve</translation>
    </message>
    <message>
        <source>Seconds here</source>
        <translation>Seconds here</translation>
    </message>
    <message>
        <source>Seconds at Exolve</source>
        <translation>Seconds at Exolve</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xport CSV…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Period start</source>
        <translation>Period start</translation>
    </message>
    <message>
        <source>Period end</source>
        <translation>Period end</translation>
    </message>
    <message>
        <source>Earlier comparisons</source>
        <translation>Earlier comparisons</translation>
    </message>
    <message>
        <source>Show calls</source>
        <translation>Show calls</translation>
    </message>
    <message>
        <source>Calls compared</source>
        <translation>Calls compared</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Compare</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
</context>
<context>
    <name>vc::ui::ContactPolicyDialog</name>
    <message>
        <source>A new campaign calls %1 (its window), unless you set another in it.</source>
        <translation>A new campaign calls %1 (its window), unless you set another in it.</translation>
    </message>
    <message>
        <source>Import a Holiday Calendar</source>
        <translation>Import a Holiday Calendar</translation>
    </message>
    <message>
        <source>Calendars (*.txt *.ics);;All files (*)</source>
        <translation>Calendars (*.txt *.ics);;All files (*)</translation>
    </message>
    <message>
        <source>%1 was not imported: %2</source>
        <translation>%1 was not imported: %2</translation>
    </message>
    <message>
        <source>Imported: the calendar now covers %1.</source>
        <translation>Imported: the calendar now covers %1.</translation>
    </message>
    <message>
        <source>The settings file cannot be written: %1</source>
        <translation>The settings file cannot be written: %1</translation>
    </message>
    <message>
        <source>Contact Policy</source>
        <translation>Contact Policy</translation>
    </message>
    <message>
        <source>How often one person may be called, and when, for every campaign and every single send from this computer. Days, weeks and months are the recipient&apos;s own. Calls placed are counted, an unknown outcome included.</source>
        <translation>How often one person may be called, and when, for every campaign and every single send from this computer. Days, weeks and months are the recipient&apos;s own. Calls placed are counted, an unknown outcome included.</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>&amp;Preset:</translation>
    </message>
    <message>
        <source>&amp;At most per number:</source>
        <translation>&amp;At most per number:</translation>
    </message>
    <message>
        <source> a day</source>
        <translation> a day</translation>
    </message>
    <message>
        <source> a week</source>
        <translation> a week</translation>
    </message>
    <message>
        <source> a month</source>
        <translation> a month</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>no cap</translation>
    </message>
    <message>
        <source>&amp;Working days:</source>
        <translation>&amp;Working days:</translation>
    </message>
    <message>
        <source>&amp;Weekends and holidays:</source>
        <translation>&amp;Weekends and holidays:</translation>
    </message>
    <message>
        <source>&amp;Import Calendar…</source>
        <translation>&amp;Import Calendar…</translation>
    </message>
    <message>
        <source>Holiday calendar: the Russian production calendar is built in; this computer&apos;s calendar covers %1. Import another (one date per line, or iCalendar) for other countries or years.</source>
        <translation>Holiday calendar: the Russian production calendar is built in; this computer&apos;s calendar covers %1. Import another (one date per line, or iCalendar) for other countries or years.</translation>
    </message>
    <message>
        <source>no year</source>
        <translation>no year</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Preset</translation>
    </message>
    <message>
        <source>At most calls a day to one number</source>
        <translation>At most calls a day to one number</translation>
    </message>
    <message>
        <source>At most calls a week to one number</source>
        <translation>At most calls a week to one number</translation>
    </message>
    <message>
        <source>At most calls a month to one number</source>
        <translation>At most calls a month to one number</translation>
    </message>
    <message>
        <source>Hours on working days</source>
        <translation>Hours on working days</translation>
    </message>
    <message>
        <source>Hours on weekends and holidays</source>
        <translation>Hours on weekends and holidays</translation>
    </message>
    <message>
        <source>Working days: from</source>
        <translation>Working days: from</translation>
    </message>
    <message>
        <source>Working days: until</source>
        <translation>Working days: until</translation>
    </message>
    <message>
        <source>Weekends and holidays: from</source>
        <translation>Weekends and holidays: from</translation>
    </message>
    <message>
        <source>Weekends and holidays: until</source>
        <translation>Weekends and holidays: until</translation>
    </message>
    <message>
        <source>Import Calendar</source>
        <translation>Import Calendar</translation>
    </message>
    <message>
        <source>Require &amp;consent: campaign rows without a date or source in the consent column are not called</source>
        <translation>Require &amp;consent: campaign rows without a date or source in the consent column are not called</translation>
    </message>
    <message>
        <source>Campaign rows need consent</source>
        <translation>Campaign rows need consent</translation>
    </message>
    <message>
        <source>Reading the team&apos;s policy from %1…</source>
        <translation>Reading the team&apos;s policy from %1…</translation>
    </message>
    <message>
        <source>The team&apos;s policy cannot be read, so it cannot be changed now: %1</source>
        <translation>The team&apos;s policy cannot be read, so it cannot be changed now: %1</translation>
    </message>
    <message>
        <source>The team&apos;s policy was not saved: %1</source>
        <translation>The team&apos;s policy was not saved: %1</translation>
    </message>
    <message>
        <source>How often one person may be called, and when, for every campaign and every single send of every operator of the team (the team store %1). Days, weeks and months are the recipient&apos;s own. Calls placed are counted, an unknown outcome included.</source>
        <translation>How often one person may be called, and when, for every campaign and every single send of every operator of the team (the team store %1). Days, weeks and months are the recipient&apos;s own. Calls placed are counted, an unknown outcome included.</translation>
    </message>
</context>
<context>
    <name>vc::ui::DoNotCallDialog</name>
    <message>
        <source>Do-Not-Call List</source>
        <translation>Do-Not-Call List</translation>
    </message>
    <message>
        <source>A number to add, in any notation</source>
        <translation>A number to add, in any notation</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message>
        <source>Number to add</source>
        <translation>Number to add</translation>
    </message>
    <message>
        <source>Search the list</source>
        <translation>Search the list</translation>
    </message>
    <message>
        <source>Numbers never called</source>
        <translation>Numbers never called</translation>
    </message>
    <message numerus="yes">
        <source>Campaigns never call these %n number(s), here and in voicectl. The list is kept in %1.</source>
        <translation>
            <numerusform>Campaigns never call these %n number(s), here and in voicectl. The list is kept in %1.</numerusform>
            <numerusform>Campaigns never call these %n number(s), here and in voicectl. The list is kept in %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Will be kept as %1</source>
        <translation>Will be kept as %1</translation>
    </message>
    <message>
        <source>Remove Numbers</source>
        <translation>Remove Numbers</translation>
    </message>
    <message>
        <source>Import Numbers</source>
        <translation>Import Numbers</translation>
    </message>
    <message>
        <source>CSV or text files (*.csv *.txt);;All files (*)</source>
        <translation>CSV or text files (*.csv *.txt);;All files (*)</translation>
    </message>
    <message numerus="yes">
        <source>Added %1; %n line(s) were not phone numbers and were skipped.</source>
        <translation>
            <numerusform>Added %1; %n line(s) were not phone numbers and were skipped.</numerusform>
            <numerusform>Added %1; %n line(s) were not phone numbers and were skipped.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Numbers</source>
        <translation>Export Numbers</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;History…</translation>
    </message>
    <message>
        <source>Why the number is added</source>
        <translation>Why the number is added</translation>
    </message>
    <message>
        <source>History of the list</source>
        <translation>History of the list</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n number(s) from the do-not-call list? Campaigns may call them again.

Why (kept in the list&apos;s history):</source>
        <translation>
            <numerusform>Remove %n number from the do-not-call list? Campaigns may call it again.

Why (kept in the list&apos;s history):</numerusform>
            <numerusform>Remove %n numbers from the do-not-call list? Campaigns may call them again.

Why (kept in the list&apos;s history):</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was removed: give the reason.</source>
        <translation>Nothing was removed: give the reason.</translation>
    </message>
    <message>
        <source>Do-Not-Call List: History</source>
        <translation>Do-Not-Call List: History</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Every change to the do-not-call list, oldest first</source>
        <translation>Every change to the do-not-call list, oldest first</translation>
    </message>
    <message>
        <source>added</source>
        <translation>added</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>removed</translation>
    </message>
    <message>
        <source>The history is only ever added to: neither the app nor voicectl can change it.</source>
        <translation>The history is only ever added to: neither the app nor voicectl can change it.</translation>
    </message>
</context>
<context>
    <name>vc::ui::LegacySendPage</name>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Send…</source>
        <translation>Send…</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>From %1</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>to %1</translation>
    </message>
    <message>
        <source>sent as %1 (UTC+3)</source>
        <translation>sent as %1 (UTC+3)</translation>
    </message>
    <message>
        <source>Send voice message</source>
        <translation>Send voice message</translation>
    </message>
    <message>
        <source>Call %1 from %2 with audio file %3?</source>
        <translation>Call %1 from %2 with audio file %3?</translation>
    </message>
    <message>
        <source>Scheduled for %1 your time.</source>
        <translation>Scheduled for %1 your time.</translation>
    </message>
    <message>
        <source>This is the sandbox: no real call is made.</source>
        <translation>This is the sandbox: no real call is made.</translation>
    </message>
    <message>
        <source>The call is placed now and charged by the provider.</source>
        <translation>The call is placed now and charged by the provider.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Accepted as message %1. It is followed on the Calls page.</source>
        <translation>Accepted as message %1. It is followed on the Calls page.</translation>
    </message>
    <message>
        <source>Outcome unknown: the message to %1 may have been sent. It was recorded in the history as &quot;outcome unknown&quot; and was not sent again.</source>
        <translation>Outcome unknown: the message to %1 may have been sent. It was recorded in the history as &quot;outcome unknown&quot; and was not sent again.</translation>
    </message>
    <message>
        <source>Scheduled time (your local time)</source>
        <translation>Scheduled time (your local time)</translation>
    </message>
</context>
<context>
    <name>vc::ui::MainWindow</name>
    <message numerus="yes">
        <source>● %n request(s) in progress</source>
        <translation>
            <numerusform>● %n request in progress</numerusform>
            <numerusform>● %n requests in progress</numerusform>
        </translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Idle</translation>
    </message>
    <message>
        <source>Edit Profiles…</source>
        <translation>Edit Profiles…</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>SIP</source>
        <translation>SIP</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Services</source>
        <translation>&amp;Services</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Profiles…</source>
        <translation>&amp;Profiles…</translation>
    </message>
    <message>
        <source>Add, edit or switch profiles</source>
        <translation>Add, edit or switch profiles</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;About Voice Console</source>
        <translation>&amp;About Voice Console</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profile:</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>System Default</translation>
    </message>
    <message>
        <source>%1 (no real calls)</source>
        <translation>%1 (no real calls)</translation>
    </message>
    <message>
        <source>Voice Console</source>
        <translation>Voice Console</translation>
    </message>
    <message>
        <source>No profile</source>
        <translation>No profile</translation>
    </message>
    <message>
        <source>Sandbox: no real calls are made</source>
        <translation>Sandbox: no real calls are made</translation>
    </message>
    <message>
        <source>You are working in the built-in sandbox: services and calls are simulated on this computer and nothing costs money.</source>
        <translation>You are working in the built-in sandbox: services and calls are simulated on this computer and nothing costs money.</translation>
    </message>
    <message>
        <source>Add a Real Account…</source>
        <translation>Add a Real Account…</translation>
    </message>
    <message>
        <source>Voice Console — %1</source>
        <translation>Voice Console — %1</translation>
    </message>
    <message>
        <source>Profile: %1 (key kept for this session only)</source>
        <translation>Profile: %1 (key kept for this session only)</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>Profile: %1</translation>
    </message>
    <message>
        <source>Call %1 placed; it is followed on the Calls page.</source>
        <translation>Call %1 placed; it is followed on the Calls page.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Call to %1 ended</source>
        <translation>Call to %1 ended</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>no final status (stale)</source>
        <translation>no final status (stale)</translation>
    </message>
    <message>
        <source>&amp;Notify When a Call Ends</source>
        <translation>&amp;Notify When a Call Ends</translation>
    </message>
    <message>
        <source>Message %1 accepted; it is followed on the Calls page.</source>
        <translation>Message %1 accepted; it is followed on the Calls page.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No services with this provider&lt;/h3&gt;&lt;p&gt;integrationapi.net (2013) sends uploaded audio files directly: there are no voice-message services to manage. Use the Send page.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;No services with this provider&lt;/h3&gt;&lt;p&gt;integrationapi.net (2013) sends uploaded audio files directly: there are no voice-message services to manage. Use the Send page.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No SIP accounts with this provider&lt;/h3&gt;&lt;p&gt;SIP attributes are an Exolve feature; integrationapi.net (2013) has none.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;No SIP accounts with this provider&lt;/h3&gt;&lt;p&gt;SIP attributes are an Exolve feature; integrationapi.net (2013) has none.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Voice Console — %1 (no real calls)</source>
        <translation>Voice Console — %1 (no real calls)</translation>
    </message>
    <message>
        <source>Balance: …</source>
        <translation>Balance: …</translation>
    </message>
    <message>
        <source>Balance: %1</source>
        <translation>Balance: %1</translation>
    </message>
    <message>
        <source>Balance: unavailable</source>
        <translation>Balance: unavailable</translation>
    </message>
    <message>
        <source>The call history file was damaged and could not be read. It was moved aside as %1 and a new history was started; calls from now on are recorded.</source>
        <translation>The call history file was damaged and could not be read. It was moved aside as %1 and a new history was started; calls from now on are recorded.</translation>
    </message>
    <message>
        <source>The call history could not be opened, so calls are not recorded: %1. Check the data folder %2 and restart Voice Console.</source>
        <translation>The call history could not be opened, so calls are not recorded: %1. Check the data folder %2 and restart Voice Console.</translation>
    </message>
    <message>
        <source>Call %1 could not be recorded in the history (%2). Note the call id: it is the only record of this call.</source>
        <translation>Call %1 could not be recorded in the history (%2). Note the call id: it is the only record of this call.</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Profile in use</source>
        <translation>Profile in use</translation>
    </message>
    <message>
        <source>Campaign %1 finished</source>
        <translation>Campaign %1 finished</translation>
    </message>
    <message numerus="yes">
        <source>The campaign &quot;%1&quot; stopped before it finished (Voice Console was closed or stopped): %n row(s) still wait.</source>
        <translation>
            <numerusform>The campaign &quot;%1&quot; stopped before it finished (Voice Console was closed or stopped): %n row(s) still wait.</numerusform>
            <numerusform>The campaign &quot;%1&quot; stopped before it finished (Voice Console was closed or stopped): %n row(s) still wait.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) may or may not have been placed: they are listed and are not sent again unless you choose to.</source>
        <translation>
            <numerusform>%n call(s) may or may not have been placed: they are listed and are not sent again unless you choose to.</numerusform>
            <numerusform>%n call(s) may or may not have been placed: they are listed and are not sent again unless you choose to.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more campaign(s) stopped too.</source>
        <translation>
            <numerusform>%n more campaign(s) stopped too.</numerusform>
            <numerusform>%n more campaign(s) stopped too.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show Campaign</source>
        <translation>Show Campaign</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <source>&amp;Campaigns</source>
        <translation>&amp;Campaigns</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>Campaigns Are Running</source>
        <translation>Campaigns Are Running</translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) are calling now. Quitting stops them: no new call is placed, and a call being requested at this moment gets an unknown outcome. They are offered for resumption next time.</source>
        <translation>
            <numerusform>%n campaign(s) are calling now. Quitting stops them: no new call is placed, and a call being requested at this moment gets an unknown outcome. They are offered for resumption next time.</numerusform>
            <numerusform>%n campaign(s) are calling now. Quitting stops them: no new call is placed, and a call being requested at this moment gets an unknown outcome. They are offered for resumption next time.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop and Quit</source>
        <translation>Stop and Quit</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>About &amp;Qt</translation>
    </message>
    <message>
        <source>Network &amp;Log</source>
        <translation>Network &amp;Log</translation>
    </message>
    <message>
        <source>%1 via proxy %2</source>
        <translation>%1 via proxy %2</translation>
    </message>
    <message>
        <source>The proxy&apos;s user name and password are used from now on. Try again what the proxy refused.</source>
        <translation>The proxy&apos;s user name and password are used from now on. Try again what the proxy refused.</translation>
    </message>
    <message>
        <source>Contact &amp;Policy…</source>
        <translation>Contact &amp;Policy…</translation>
    </message>
    <message>
        <source>The campaign &quot;%1&quot; is scheduled for %2: resume it and it calls from then on, while Voice Console runs. Nothing is called before.</source>
        <translation>The campaign &quot;%1&quot; is scheduled for %2: resume it and it calls from then on, while Voice Console runs. Nothing is called before.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>The team store&apos;s address in the settings cannot be read (%1): nothing is called until it is set again in Profiles → Team Store.</source>
        <translation>The team store&apos;s address in the settings cannot be read (%1): nothing is called until it is set again in Profiles → Team Store.</translation>
    </message>
    <message>
        <source>The team store&apos;s password could not be read from the keychain: %1. Give it again in Profiles → Team Store; nothing is called until then.</source>
        <translation>The team store&apos;s password could not be read from the keychain: %1. Give it again in Profiles → Team Store; nothing is called until then.</translation>
    </message>
    <message>
        <source>&amp;Team Store…</source>
        <translation>&amp;Team Store…</translation>
    </message>
    <message>
        <source>Store: this computer</source>
        <translation>Store: this computer</translation>
    </message>
    <message>
        <source>The do-not-call list, the contact ledger and the policy are this computer&apos;s own (Profiles → Team Store).</source>
        <translation>The do-not-call list, the contact ledger and the policy are this computer&apos;s own (Profiles → Team Store).</translation>
    </message>
    <message>
        <source>Team store: %1</source>
        <translation>Team store: %1</translation>
    </message>
    <message>
        <source>Shared with the team: %1</source>
        <translation>Shared with the team: %1</translation>
    </message>
    <message>
        <source>Team store %1 unreachable since %2</source>
        <translation>Team store %1 unreachable since %2</translation>
    </message>
    <message>
        <source>No call is placed without the team store&apos;s cap check; campaigns pause and go on when it answers.
%1</source>
        <translation>No call is placed without the team store&apos;s cap check; campaigns pause and go on when it answers.
%1</translation>
    </message>
</context>
<context>
    <name>vc::ui::MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>Dismiss the message</translation>
    </message>
</context>
<context>
    <name>vc::ui::NetworkLogDock</name>
    <message>
        <source>Answer: %1, %2 ms, attempt %3</source>
        <translation>Answer: %1, %2 ms, attempt %3</translation>
    </message>
    <message>
        <source>Network Log</source>
        <translation>Network Log</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>Copy as curl</translation>
    </message>
    <message>
        <source>The command uses $VOICE_API_KEY instead of the key</source>
        <translation>The command uses $VOICE_API_KEY instead of the key</translation>
    </message>
    <message>
        <source>Requests of this session</source>
        <translation>Requests of this session</translation>
    </message>
    <message>
        <source>Headers and bodies of the selected request (secrets masked)</source>
        <translation>Headers and bodies of the selected request (secrets masked)</translation>
    </message>
    <message>
        <source>Connection: direct, no proxy</source>
        <translation>Connection: direct, no proxy</translation>
    </message>
    <message>
        <source>Connection: through the proxy %1</source>
        <translation>Connection: through the proxy %1</translation>
    </message>
</context>
<context>
    <name>vc::ui::NetworkLogModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latency</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Attempt</translation>
    </message>
</context>
<context>
    <name>vc::ui::ProfilesDialog</name>
    <message>
        <source>%1 (no real calls)</source>
        <translation>%1 (no real calls)</translation>
    </message>
    <message>
        <source>built in, on this computer</source>
        <translation>built in, on this computer</translation>
    </message>
    <message>
        <source>stored in the system keychain — type to replace</source>
        <translation>stored in the system keychain — type to replace</translation>
    </message>
    <message>
        <source>The key is kept only in the system keychain, never in a settings file.</source>
        <translation>The key is kept only in the system keychain, never in a settings file.</translation>
    </message>
    <message>
        <source>paste the application&apos;s API key</source>
        <translation>paste the application&apos;s API key</translation>
    </message>
    <message>
        <source>Enter a name for the profile.</source>
        <translation>Enter a name for the profile.</translation>
    </message>
    <message>
        <source>The API address must use https (plain http only to this computer).</source>
        <translation>The API address must use https (plain http only to this computer).</translation>
    </message>
    <message>
        <source>Enter the API key.</source>
        <translation>Enter the API key.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Remove profile</translation>
    </message>
    <message>
        <source>Remove profile &quot;%1&quot; and its key from the keychain?</source>
        <translation>Remove profile &quot;%1&quot; and its key from the keychain?</translation>
    </message>
    <message>
        <source>Exolve Voice API</source>
        <translation>Exolve Voice API</translation>
    </message>
    <message>
        <source>Show or hide the key</source>
        <translation>Show or hide the key</translation>
    </message>
    <message>
        <source>The sandbox simulates the API on this computer. Nothing you do here places a real call or costs money.</source>
        <translation>The sandbox simulates the API on this computer. Nothing you do here places a real call or costs money.</translation>
    </message>
    <message>
        <source>Enter the login.</source>
        <translation>Enter the login.</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Enter the password.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API &amp;key:</translation>
    </message>
    <message>
        <source>integrationapi.net (2013)</source>
        <translation>integrationapi.net (2013)</translation>
    </message>
    <message>
        <source>The password is kept only in the system keychain, never in a settings file.</source>
        <translation>The password is kept only in the system keychain, never in a settings file.</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profiles</translation>
    </message>
    <message>
        <source>Requests go straight to the API (addresses on this computer never use a proxy).</source>
        <translation>Requests go straight to the API (addresses on this computer never use a proxy).</translation>
    </message>
    <message>
        <source>Requests go through %1.</source>
        <translation>Requests go through %1.</translation>
    </message>
    <message>
        <source>The system&apos;s settings</source>
        <translation>The system&apos;s settings</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>No proxy</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>host:port, e.g. proxy.example.com:3128</source>
        <translation>host:port, e.g. proxy.example.com:3128</translation>
    </message>
</context>
<context>
    <name>vc::ui::ProxyCredentialsDialog</name>
    <message>
        <source>Proxy Password</source>
        <translation>Proxy Password</translation>
    </message>
    <message>
        <source>The proxy server %1 asks for a user name and password before it lets requests through. Nothing was sent. Give them, then try again.</source>
        <translation>The proxy server %1 asks for a user name and password before it lets requests through. Nothing was sent. Give them, then try again.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation>&amp;Remember in the system keychain</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Use</translation>
    </message>
</context>
<context>
    <name>vc::ui::ResolveUnknownDialog</name>
    <message>
        <source>integrationapi.net has no call history to ask: the outcome of these rows cannot be resolved this way. Check them with the service, then use Resend Unknown… if you must.</source>
        <translation>integrationapi.net has no call history to ask: the outcome of these rows cannot be resolved this way. Check them with the service, then use Resend Unknown… if you must.</translation>
    </message>
    <message>
        <source>asking…</source>
        <translation>asking…</translation>
    </message>
    <message numerus="yes">
        <source>Asking Exolve&apos;s call history about %n row(s)…</source>
        <translation>
            <numerusform>Asking Exolve&apos;s call history about %n row…</numerusform>
            <numerusform>Asking Exolve&apos;s call history about %n rows…</numerusform>
        </translation>
    </message>
    <message>
        <source>placed</source>
        <translation>placed</translation>
    </message>
    <message>
        <source>not placed</source>
        <translation>not placed</translation>
    </message>
    <message>
        <source>still unknown</source>
        <translation>still unknown</translation>
    </message>
    <message>
        <source>Placed: %1 (followed to their end when the campaign resumes). Not placed: %2 (sent again only if you choose Resend Unknown…). Still unknown: %3.</source>
        <translation>Placed: %1 (followed to their end when the campaign resumes). Not placed: %2 (sent again only if you choose Resend Unknown…). Still unknown: %3.</translation>
    </message>
    <message>
        <source>Exolve&apos;s call history could not be read to the end: %1. What was resolved before is kept.</source>
        <translation>Exolve&apos;s call history could not be read to the end: %1. What was resolved before is kept.</translation>
    </message>
    <message>
        <source>Resolve Unknown Outcomes</source>
        <translation>Resolve Unknown Outcomes</translation>
    </message>
    <message>
        <source>These calls of &quot;%1&quot; were requested and no answer came back: each may or may not have rung. Exolve&apos;s own call history is asked about each number around the time of its request. Nothing is sent.</source>
        <translation>These calls of &quot;%1&quot; were requested and no answer came back: each may or may not have rung. Exolve&apos;s own call history is asked about each number around the time of its request. Nothing is sent.</translation>
    </message>
    <message>
        <source>&amp;Not placed when still missing after:</source>
        <translation>&amp;Not placed when still missing after:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Ask Exolve</source>
        <translation>&amp;Ask Exolve</translation>
    </message>
    <message>
        <source>Ask &amp;automatically before a campaign resumes</source>
        <translation>Ask &amp;automatically before a campaign resumes</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Exolve says</source>
        <translation>Exolve says</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Rows with an unknown outcome</source>
        <translation>Rows with an unknown outcome</translation>
    </message>
    <message>
        <source>Minutes after the request before a missing call counts as not placed</source>
        <translation>Minutes after the request before a missing call counts as not placed</translation>
    </message>
    <message>
        <source>Ask automatically before a campaign resumes</source>
        <translation>Ask automatically before a campaign resumes</translation>
    </message>
    <message>
        <source>Ask Exolve</source>
        <translation>Ask Exolve</translation>
    </message>
</context>
<context>
    <name>vc::ui::SendPage</name>
    <message>
        <source>caller number, e.g. +7 495 999-99-99</source>
        <translation>caller number, e.g. +7 495 999-99-99</translation>
    </message>
    <message>
        <source>type to search by name or id</source>
        <translation>type to search by name or id</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Send…</source>
        <translation>Send…</translation>
    </message>
    <message>
        <source>Loading services…</source>
        <translation>Loading services…</translation>
    </message>
    <message>
        <source>The services could not be loaded: %1</source>
        <translation>The services could not be loaded: %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Will be sent as %1</source>
        <translation>Will be sent as %1</translation>
    </message>
    <message>
        <source>There are no services yet: create one on the Services page.</source>
        <translation>There are no services yet: create one on the Services page.</translation>
    </message>
    <message>
        <source>Pick a service from the list.</source>
        <translation>Pick a service from the list.</translation>
    </message>
    <message>
        <source>Send voice message</source>
        <translation>Send voice message</translation>
    </message>
    <message>
        <source>Call %1 from %2 with service «%3»?</source>
        <translation>Call %1 from %2 with service «%3»?</translation>
    </message>
    <message>
        <source>This is the sandbox: no real call is made.</source>
        <translation>This is the sandbox: no real call is made.</translation>
    </message>
    <message>
        <source>The call is placed now and charged by the provider.</source>
        <translation>The call is placed now and charged by the provider.</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Call placed: %1. It is followed on the Calls page.</source>
        <translation>Call placed: %1. It is followed on the Calls page.</translation>
    </message>
    <message>
        <source>Call to %1 placed.</source>
        <translation>Call to %1 placed.</translation>
    </message>
    <message>
        <source>Outcome unknown: the call to %1 may have been placed. It was recorded in the history as &quot;outcome unknown&quot; and was not sent again.</source>
        <translation>Outcome unknown: the call to %1 may have been placed. It was recorded in the history as &quot;outcome unknown&quot; and was not sent again.</translation>
    </message>
    <message>
        <source>Reload the services</source>
        <translation>Reload the services</translation>
    </message>
    <message>
        <source>Ask Exolve</source>
        <translation>Ask Exolve</translation>
    </message>
    <message>
        <source>Asking Exolve&apos;s call history about the call to %1…</source>
        <translation>Asking Exolve&apos;s call history about the call to %1…</translation>
    </message>
    <message>
        <source>Exolve&apos;s call history could not be read: %1</source>
        <translation>Exolve&apos;s call history could not be read: %1</translation>
    </message>
    <message>
        <source>The call to %1 was placed: %2</source>
        <translation>The call to %1 was placed: %2</translation>
    </message>
    <message>
        <source>Exolve has the call to %1: it is followed on the Calls page.</source>
        <translation>Exolve has the call to %1: it is followed on the Calls page.</translation>
    </message>
    <message>
        <source>Exolve has no call to %1: it was not placed. Send it again if you wish.</source>
        <translation>Exolve has no call to %1: it was not placed. Send it again if you wish.</translation>
    </message>
</context>
<context>
    <name>vc::ui::ServiceEditorDialog</name>
    <message>
        <source>Will be sent as %1</source>
        <translation>Will be sent as %1</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Creating…</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
</context>
<context>
    <name>vc::ui::ServiceListModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
</context>
<context>
    <name>vc::ui::ServicesPage</name>
    <message>
        <source>«%1»</source>
        <translation>«%1»</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Reload the service list (F5)</source>
        <translation>Reload the service list (F5)</translation>
    </message>
    <message>
        <source>&amp;New Service…</source>
        <translation>&amp;New Service…</translation>
    </message>
    <message>
        <source>Create a voice-message service (Ctrl+N)</source>
        <translation>Create a voice-message service (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Delete the selected services (Del)</source>
        <translation>Delete the selected services (Del)</translation>
    </message>
    <message>
        <source>&amp;Copy IDs</source>
        <translation>&amp;Copy IDs</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:large&apos;&gt;No voice-message services yet&lt;/p&gt;&lt;p&gt;&lt;a href=&apos;#new&apos;&gt;Create one&lt;/a&gt; to send voice messages with it.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:large&apos;&gt;No voice-message services yet&lt;/p&gt;&lt;p&gt;&lt;a href=&apos;#new&apos;&gt;Create one&lt;/a&gt; to send voice messages with it.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Select a service to see its details.</source>
        <translation>Select a service to see its details.</translation>
    </message>
    <message>
        <source>Could not load the services: %1</source>
        <translation>Could not load the services: %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>&lt;p&gt;The services could not be loaded.&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation>&lt;p&gt;The services could not be loaded.&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n service</numerusform>
            <numerusform>%n services</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%1 of %2 shown</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) selected.</source>
        <translation>
            <numerusform>%n service selected.</numerusform>
            <numerusform>%n services selected.</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading details…</source>
        <translation>Loading details…</translation>
    </message>
    <message>
        <source>Could not load the details: %1</source>
        <translation>Could not load the details: %1</translation>
    </message>
    <message>
        <source>Service %1 created.</source>
        <translation>Service %1 created.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Delete services</source>
        <translation>Delete services</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n service(s)?</source>
        <translation>
            <numerusform>Delete %n service?</numerusform>
            <numerusform>Delete %n services?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>…and %n more</numerusform>
            <numerusform>…and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>This cannot be undone.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n service(s).</source>
        <translation>
            <numerusform>Deleted %n service.</numerusform>
            <numerusform>Deleted %n services.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted %1 of %2. Not deleted:</source>
        <translation>Deleted %1 of %2. Not deleted:</translation>
    </message>
    <message>
        <source>Deleting %1 of %2: %3…</source>
        <translation>Deleting %1 of %2: %3…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Filter services by name or ID</source>
        <translation>Filter services by name or ID</translation>
    </message>
    <message>
        <source>Voice-message services</source>
        <translation>Voice-message services</translation>
    </message>
</context>
<context>
    <name>vc::ui::SipPage</name>
    <message>
        <source>Show or hide the password</source>
        <translation>Show or hide the password</translation>
    </message>
    <message>
        <source>Copy the password (the clipboard is cleared after 30 seconds)</source>
        <translation>Copy the password (the clipboard is cleared after 30 seconds)</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>Looking up…</translation>
    </message>
    <message numerus="yes">
        <source>The SIP password is on the clipboard for %n second(s).</source>
        <translation>
            <numerusform>The SIP password is on the clipboard for %n second.</numerusform>
            <numerusform>The SIP password is on the clipboard for %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>SIP resource id</source>
        <translation>SIP resource id</translation>
    </message>
</context>
<context>
    <name>vc::ui::TeamCampaignsView</name>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>not answering (its computer is silent)</source>
        <translation>not answering (its computer is silent)</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>finished</translation>
    </message>
    <message>
        <source>rows wait</source>
        <translation>rows wait</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Placed</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Last heard</source>
        <translation>Last heard</translation>
    </message>
    <message>
        <source>Team&apos;s campaigns</source>
        <translation>Team&apos;s campaigns</translation>
    </message>
    <message>
        <source>Team&apos;s campaigns: error</source>
        <translation>Team&apos;s campaigns: error</translation>
    </message>
    <message>
        <source>Team&apos;s campai&amp;gns (team store %1): who runs each, where, and how far it is</source>
        <translation>Team&apos;s campai&amp;gns (team store %1): who runs each, where, and how far it is</translation>
    </message>
</context>
<context>
    <name>vc::ui::TeamStoreDialog</name>
    <message>
        <source>Give the server&apos;s host name or address.</source>
        <translation>Give the server&apos;s host name or address.</translation>
    </message>
    <message>
        <source>Give the database&apos;s name.</source>
        <translation>Give the database&apos;s name.</translation>
    </message>
    <message>
        <source>Give your database user name.</source>
        <translation>Give your database user name.</translation>
    </message>
    <message>
        <source>To verify the server, choose the CA file to trust (your administrator has it), or choose another TLS mode.</source>
        <translation>To verify the server, choose the CA file to trust (your administrator has it), or choose another TLS mode.</translation>
    </message>
    <message>
        <source>The CA file %1 cannot be found.</source>
        <translation>The CA file %1 cannot be found.</translation>
    </message>
    <message>
        <source>This computer&apos;s own store is used: %1.</source>
        <translation>This computer&apos;s own store is used: %1.</translation>
    </message>
    <message>
        <source>The CA File to Trust</source>
        <translation>The CA File to Trust</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>Certificates (*.crt *.pem *.cer);;All files (*)</translation>
    </message>
    <message>
        <source>Give the password of your database user.</source>
        <translation>Give the password of your database user.</translation>
    </message>
    <message>
        <source>Reading the password from the keychain…</source>
        <translation>Reading the password from the keychain…</translation>
    </message>
    <message>
        <source>The password could not be read from the keychain: %1. Type it again.</source>
        <translation>The password could not be read from the keychain: %1. Type it again.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>Connected to %1: schema version %2 (this Voice Console: %3).</source>
        <translation>Connected to %1: schema version %2 (this Voice Console: %3).</translation>
    </message>
    <message>
        <source>Uploading this computer&apos;s do-not-call list and ledger to %1…</source>
        <translation>Uploading this computer&apos;s do-not-call list and ledger to %1…</translation>
    </message>
    <message>
        <source>Uploaded to %1: %2 number(s) new on the do-not-call list, %3 history entries, %4 call(s) into the contact ledger. This computer&apos;s own store is kept unchanged as a backup.</source>
        <translation>Uploaded to %1: %2 number(s) new on the do-not-call list, %3 history entries, %4 call(s) into the contact ledger. This computer&apos;s own store is kept unchanged as a backup.</translation>
    </message>
    <message>
        <source>The settings file cannot be written: %1</source>
        <translation>The settings file cannot be written: %1</translation>
    </message>
    <message>
        <source>Keeping the password in the keychain…</source>
        <translation>Keeping the password in the keychain…</translation>
    </message>
    <message>
        <source>The password could not be kept in the keychain: %1</source>
        <translation>The password could not be kept in the keychain: %1</translation>
    </message>
    <message>
        <source>Team Store</source>
        <translation>Team Store</translation>
    </message>
    <message>
        <source>Where the do-not-call list, its history, the contact ledger, the contact policy and the list of campaigns are kept. This computer&apos;s own store serves one operator; a team store on PostgreSQL is shared by every operator&apos;s computer: a refusal taken by one stops the others&apos; next call, and a cap counts the team&apos;s calls.</source>
        <translation>Where the do-not-call list, its history, the contact ledger, the contact policy and the list of campaigns are kept. This computer&apos;s own store serves one operator; a team store on PostgreSQL is shared by every operator&apos;s computer: a refusal taken by one stops the others&apos; next call, and a cap counts the team&apos;s calls.</translation>
    </message>
    <message>
        <source>&amp;Store:</source>
        <translation>&amp;Store:</translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation>This computer only</translation>
    </message>
    <message>
        <source>Team store on PostgreSQL</source>
        <translation>Team store on PostgreSQL</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>kept in the keychain; type to replace it</source>
        <translation>kept in the keychain; type to replace it</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS:</translation>
    </message>
    <message>
        <source>verify-full: encrypted, the server&apos;s certificate and name checked</source>
        <translation>verify-full: encrypted, the server&apos;s certificate and name checked</translation>
    </message>
    <message>
        <source>verify-ca: encrypted, the server&apos;s certificate checked</source>
        <translation>verify-ca: encrypted, the server&apos;s certificate checked</translation>
    </message>
    <message>
        <source>require: encrypted, not checked</source>
        <translation>require: encrypted, not checked</translation>
    </message>
    <message>
        <source>prefer: encrypted when the server offers it</source>
        <translation>prefer: encrypted when the server offers it</translation>
    </message>
    <message>
        <source>disable: not encrypted</source>
        <translation>disable: not encrypted</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;CA file:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>T&amp;est Connection</source>
        <translation>T&amp;est Connection</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>TLS mode</source>
        <translation>TLS mode</translation>
    </message>
    <message>
        <source>CA file to trust</source>
        <translation>CA file to trust</translation>
    </message>
    <message>
        <source>Browse for the CA file</source>
        <translation>Browse for the CA file</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>Test Connection</translation>
    </message>
    <message>
        <source>Upload my do-not-call list and ledger to the team store</source>
        <translation>Upload my do-not-call list and ledger to the team store</translation>
    </message>
    <message>
        <source>Team store status</source>
        <translation>Team store status</translation>
    </message>
    <message>
        <source>U&amp;pload My Do-Not-Call List and Ledger</source>
        <translation>U&amp;pload My Do-Not-Call List and Ledger</translation>
    </message>
</context>
</TS>
