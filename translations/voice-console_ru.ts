<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Accessibility</name>
    <message>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
</context>
<context>
    <name>CallHistory</name>
    <message>
        <source>the call history is not open</source>
        <translation>история вызовов не открыта</translation>
    </message>
</context>
<context>
    <name>CallTracker</name>
    <message>
        <source>audio file %1</source>
        <translation>аудиофайл %1</translation>
    </message>
</context>
<context>
    <name>CallsPage</name>
    <message>
        <source>Follow a call placed elsewhere: paste its call id</source>
        <translation>Отследить вызов, отправленный в другом месте: вставьте его call id</translation>
    </message>
    <message>
        <source>&amp;Watch</source>
        <translation>&amp;Отслеживать</translation>
    </message>
    <message>
        <source>Search by number or call id</source>
        <translation>Поиск по номеру или call id</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>С:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>По:</translation>
    </message>
    <message>
        <source>Reload the history</source>
        <translation>Перечитать историю</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Экспорт CSV…</translation>
    </message>
    <message>
        <source>Compare with E&amp;xolve…</source>
        <translation>Сверить с E&amp;xolve…</translation>
    </message>
    <message>
        <source>These calls beside Exolve&apos;s own call history</source>
        <translation>Эти звонки рядом с историей звонков самого Exolve</translation>
    </message>
</context>
<context>
    <name>CampaignController</name>
    <message>
        <source>Starting</source>
        <translation>Запуск</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Идёт</translation>
    </message>
    <message>
        <source>Waiting for the sending window</source>
        <translation>Ждёт окна отправки</translation>
    </message>
    <message>
        <source>Paused by the service&apos;s rate limit</source>
        <translation>Пауза: ограничение частоты сервиса</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Останавливается</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Приостановлена</translation>
    </message>
    <message>
        <source>Stopped: network failure</source>
        <translation>Остановлена: сбой сети</translation>
    </message>
    <message>
        <source>Stopped: refused by the API</source>
        <translation>Остановлена: отказ API</translation>
    </message>
    <message>
        <source>Stopped: the journal cannot be written</source>
        <translation>Остановлена: журнал не записывается</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Завершена</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменена</translation>
    </message>
    <message>
        <source>This campaign runs on another computer of the team.</source>
        <translation>Эта кампания идёт на другом компьютере команды.</translation>
    </message>
    <message>
        <source>Paused: the team store cannot be reached</source>
        <translation>Приостановлена: общее хранилище команды недоступно</translation>
    </message>
    <message>
        <source>Runs on another computer</source>
        <translation>Идёт на другом компьютере</translation>
    </message>
</context>
<context>
    <name>CampaignDraft</name>
    <message>
        <source>The campaign&apos;s journal is not open.</source>
        <translation>Журнал кампании не открыт.</translation>
    </message>
    <message>
        <source>This campaign was already confirmed or cancelled: it is not started twice.</source>
        <translation>Эта кампания уже подтверждена или отменена: дважды она не запускается.</translation>
    </message>
</context>
<context>
    <name>CampaignJournal</name>
    <message>
        <source>The journal %1 exists already; choose another file or resume it.</source>
        <translation>Журнал %1 уже существует: выберите другой файл или продолжите его.</translation>
    </message>
    <message>
        <source>There is no journal at %1.</source>
        <translation>Журнала %1 нет.</translation>
    </message>
    <message>
        <source>The journal %1 is in use by another program (process %2).</source>
        <translation>Журнал %1 занят другой программой (процесс %2).</translation>
    </message>
    <message>
        <source>The journal %1 cannot be opened: %2</source>
        <translation>Не удаётся открыть журнал %1: %2</translation>
    </message>
    <message>
        <source>The journal %1 cannot be read (%2). It is left as it is: rows in it may have been called, so do not start the campaign again without checking.</source>
        <translation>Не удаётся прочитать журнал %1 (%2). Он оставлен как есть: по строкам из него могли уже звонить, поэтому не запускайте кампанию заново без проверки.</translation>
    </message>
    <message>
        <source>%1 is not a campaign journal or is damaged (%2). It is left as it is: rows in it may have been called, so do not start the campaign again without checking.</source>
        <translation>%1 — не журнал кампании или он повреждён (%2). Он оставлен как есть: по строкам из него могли уже звонить, поэтому не запускайте кампанию заново без проверки.</translation>
    </message>
    <message>
        <source>The run stopped while this call was being requested: it may have been placed.</source>
        <translation>Запуск прервался, пока этот звонок запрашивался: он мог состояться.</translation>
    </message>
    <message>
        <source>Line %1 is no longer waiting to be called.</source>
        <translation>Строка %1 больше не ждёт звонка.</translation>
    </message>
    <message>
        <source>cannot rename %1</source>
        <translation>не удаётся переименовать %1</translation>
    </message>
    <message>
        <source>The journal %1 cannot be made: %2</source>
        <translation>Не удаётся создать журнал %1: %2</translation>
    </message>
    <message>
        <source>The journal %1 is damaged: SQLite&apos;s integrity check failed. Nothing was called and the file was left as it is. Rows in it may have been called already: look at what can still be read (status, export) before you call anyone again.</source>
        <translation>Журнал %1 повреждён: проверка целостности SQLite не пройдена. Никому не звонили, файл оставлен как есть. По строкам из него уже могли звонить: посмотрите, что ещё читается (status, export), прежде чем звонить снова.</translation>
    </message>
    <message>
        <source>%1 is not a campaign journal. It was left as it is.</source>
        <translation>%1 — не журнал кампании. Файл оставлен как есть.</translation>
    </message>
    <message>
        <source>The journal %1 cannot be read: %2</source>
        <translation>Не удаётся прочитать журнал %1: %2</translation>
    </message>
    <message>
        <source>The journal %1 is in a read-only folder (or is read-only itself): it can be looked at and exported, but not run or resumed. Copy it to a folder you can write to first.</source>
        <translation>Журнал %1 лежит в папке только для чтения (или сам доступен только для чтения): его можно просмотреть и выгрузить, но не запустить и не продолжить. Сначала скопируйте его в папку, доступную для записи.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be written to: the journal cannot be made there.</source>
        <translation>В папку %1 нельзя записывать: журнал там создать нельзя.</translation>
    </message>
    <message>
        <source>This journal was made before calls were recorded one by one: its export has the last call of each row.</source>
        <translation>Этот журнал создан до того, как звонки стали записываться по одному: в его обычной выгрузке — последний звонок каждой строки.</translation>
    </message>
</context>
<context>
    <name>CampaignPlanner</name>
    <message>
        <source>The file has no rows.</source>
        <translation>В файле нет строк.</translation>
    </message>
    <message>
        <source>the row is too long</source>
        <translation>строка слишком длинная</translation>
    </message>
    <message>
        <source>the row has no column %1</source>
        <translation>в строке нет столбца %1</translation>
    </message>
    <message>
        <source>no number</source>
        <translation>нет номера</translation>
    </message>
    <message>
        <source>not a valid phone number</source>
        <translation>недопустимый номер телефона</translation>
    </message>
    <message>
        <source>unknown time zone &quot;%1&quot;</source>
        <translation>неизвестный часовой пояс «%1»</translation>
    </message>
    <message>
        <source>no service id: give --service or a service_id column</source>
        <translation>нет идентификатора услуги: укажите --service или столбец service_id</translation>
    </message>
    <message>
        <source>no file id: give --file-id or a file_id column</source>
        <translation>нет идентификатора файла: укажите --file-id или столбец file_id</translation>
    </message>
    <message>
        <source>on the do-not-call list</source>
        <translation>в списке «не звонить»</translation>
    </message>
    <message>
        <source>duplicate of line %1</source>
        <translation>повтор строки %1</translation>
    </message>
    <message>
        <source>too many columns (%1, at most %2)</source>
        <translation>слишком много столбцов (%1, не больше %2)</translation>
    </message>
    <message>
        <source>no consent: the file has no consent column and the contact policy requires one</source>
        <translation>нет согласия: в файле нет столбца согласия, а политика контактов его требует</translation>
    </message>
    <message>
        <source>no consent recorded, and the contact policy requires one</source>
        <translation>согласие не указано, а политика контактов его требует</translation>
    </message>
</context>
<context>
    <name>CampaignSettings</name>
    <message>
        <source>Enter the caller number the calls come from.</source>
        <translation>Введите номер, с которого пойдут звонки.</translation>
    </message>
    <message>
        <source>Caller number: %1</source>
        <translation>Номер отправителя: %1</translation>
    </message>
    <message>
        <source>Choose the service to send: the file has no service_id column.</source>
        <translation>Выберите услугу: в файле нет столбца service_id.</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>Услуга: %1</translation>
    </message>
    <message>
        <source>Enter the audio file id: the file has no file_id column.</source>
        <translation>Введите ID аудиофайла: в файле нет столбца file_id.</translation>
    </message>
    <message>
        <source>Audio file id: %1</source>
        <translation>ID аудиофайла: %1</translation>
    </message>
    <message>
        <source>The rate is calls per second, from 0.001 to 10000 (fractions allowed).</source>
        <translation>Частота — звонков в секунду, от 0,001 до 10000 (дробные допустимы).</translation>
    </message>
    <message>
        <source>At most 1 to 64 requests at once.</source>
        <translation>Одновременно — от 1 до 64 запросов.</translation>
    </message>
    <message>
        <source>Unknown time zone &quot;%1&quot;: use an IANA name such as Europe/Moscow, or UTC+03:00.</source>
        <translation>Неизвестный часовой пояс «%1»: укажите имя IANA, например Europe/Moscow, или UTC+03:00.</translation>
    </message>
    <message>
        <source>Re-dials: from 0 to 10 extra calls.</source>
        <translation>Перезвоны: от 0 до 10 дополнительных звонков.</translation>
    </message>
    <message>
        <source>Minutes between calls to the same number: from 1 to 1440.</source>
        <translation>Минут между звонками на один номер: от 1 до 1440.</translation>
    </message>
    <message>
        <source>Advertising</source>
        <translation>Реклама</translation>
    </message>
    <message>
        <source>Informational (reminders, notifications, debts)</source>
        <translation>Информационная (напоминания, уведомления, задолженность)</translation>
    </message>
    <message>
        <source>Advertising may not be sent by automatic dialing (Federal Law 38-FZ &quot;On Advertising&quot;, art. 18 part 2): Voice Console does not place such a campaign.</source>
        <translation>Рекламу нельзя распространять с помощью автоматического дозванивания (Федеральный закон 38-ФЗ «О рекламе», ст. 18 ч. 2): Voice Console не запускает такую кампанию.</translation>
    </message>
    <message>
        <source>The scheduled start has passed already: choose a later time, or start at once.</source>
        <translation>Время запланированного старта уже прошло: выберите более позднее время или начните сразу.</translation>
    </message>
</context>
<context>
    <name>CampaignsPage</name>
    <message>
        <source>Rows</source>
        <translation>Строки</translation>
    </message>
    <message>
        <source>Search by number</source>
        <translation>Поиск по номеру</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Отчёт</translation>
    </message>
</context>
<context>
    <name>CapOverride</name>
    <message>
        <source>Over the contact policy&apos;s cap</source>
        <translation>Сверх лимита политики контактов</translation>
    </message>
    <message>
        <source>The contact policy allows no more calls to %1 now: %2.

To call anyway, give the reason (it is recorded in the contact ledger):</source>
        <translation>Политика контактов сейчас не разрешает звонить на %1: %2.

Чтобы позвонить всё равно, укажите причину (она будет записана в журнал контактов):</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Продолжить</translation>
    </message>
</context>
<context>
    <name>ColumnMap</name>
    <message>
        <source>The file has no column named &quot;%1&quot; in its first row.</source>
        <translation>В первой строке файла нет столбца «%1».</translation>
    </message>
    <message>
        <source>--column takes a column name or a position from 1.</source>
        <translation>--column принимает имя столбца или его номер, начиная с 1.</translation>
    </message>
    <message>
        <source>The file has no consent column named &quot;%1&quot; in its first row.</source>
        <translation>В первой строке файла нет столбца согласия «%1».</translation>
    </message>
</context>
<context>
    <name>ContactLedger</name>
    <message>
        <source>The contact ledger (%1) cannot be used: %2</source>
        <translation>Журнал контактов (%1) недоступен: %2</translation>
    </message>
    <message>
        <source>its folder cannot be made</source>
        <translation>не удаётся создать его папку</translation>
    </message>
    <message>
        <source>The contact ledger (%1) cannot be read: %2</source>
        <translation>Журнал контактов (%1) не читается: %2</translation>
    </message>
    <message>
        <source>The contact ledger (%1) cannot be written: %2</source>
        <translation>В журнал контактов (%1) не удаётся записать: %2</translation>
    </message>
    <message>
        <source>The do-not-call list (%1) cannot be read: %2</source>
        <translation>Список «не звонить» (%1) не читается: %2</translation>
    </message>
    <message>
        <source>The do-not-call list (%1) cannot be written: %2</source>
        <translation>В список «не звонить» (%1) не удаётся записать: %2</translation>
    </message>
    <message>
        <source>The do-not-call history (%1) cannot be read: %2</source>
        <translation>История списка «не звонить» (%1) не читается: %2</translation>
    </message>
    <message>
        <source>on the do-not-call list</source>
        <translation>в списке «не звонить»</translation>
    </message>
    <message>
        <source>%1 is on the do-not-call list</source>
        <translation>%1 в списке «не звонить»</translation>
    </message>
    <message>
        <source>the contact policy allows no more calls to %1 now (%2)</source>
        <translation>политика контактов сейчас не разрешает звонить на %1 (%2)</translation>
    </message>
    <message>
        <source>The contact policy (%1) cannot be read: %2</source>
        <translation>Политику контактов (%1) не удаётся прочитать: %2</translation>
    </message>
    <message>
        <source>This computer&apos;s contact policy is kept in its settings, not in the contact store.</source>
        <translation>Политика контактов этого компьютера хранится в его настройках, а не в хранилище контактов.</translation>
    </message>
    <message>
        <source>The contact policy (%1) cannot be written: %2</source>
        <translation>Политику контактов (%1) не удаётся записать: %2</translation>
    </message>
</context>
<context>
    <name>ContactPolicy</name>
    <message>
        <source>No caps</source>
        <translation>Без ограничений</translation>
    </message>
    <message>
        <source>230-FZ (debt collection)</source>
        <translation>230-ФЗ (взыскание задолженности)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Своя</translation>
    </message>
    <message numerus="yes">
        <source>%n a day</source>
        <translation>
            <numerusform>%n в день</numerusform>
            <numerusform>%n в день</numerusform>
            <numerusform>%n в день</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n a week</source>
        <translation>
            <numerusform>%n в неделю</numerusform>
            <numerusform>%n в неделю</numerusform>
            <numerusform>%n в неделю</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n a month</source>
        <translation>
            <numerusform>%n в месяц</numerusform>
            <numerusform>%n в месяц</numerusform>
            <numerusform>%n в месяц</numerusform>
        </translation>
    </message>
    <message>
        <source>no caps</source>
        <translation>без ограничений</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>не более %1</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) today already (at most %1)</source>
        <translation>
            <numerusform>сегодня уже %n звонок (не более %1)</numerusform>
            <numerusform>сегодня уже %n звонка (не более %1)</numerusform>
            <numerusform>сегодня уже %n звонков (не более %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) this week already (at most %1)</source>
        <translation>
            <numerusform>на этой неделе уже %n звонок (не более %1)</numerusform>
            <numerusform>на этой неделе уже %n звонка (не более %1)</numerusform>
            <numerusform>на этой неделе уже %n звонков (не более %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) this month already (at most %1)</source>
        <translation>
            <numerusform>в этом месяце уже %n звонок (не более %1)</numerusform>
            <numerusform>в этом месяце уже %n звонка (не более %1)</numerusform>
            <numerusform>в этом месяце уже %n звонков (не более %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; next possible %2 (%3)</source>
        <translation>%1; следующий возможен %2 (%3)</translation>
    </message>
</context>
<context>
    <name>DoNotCallList</name>
    <message>
        <source>The do-not-call list %1 cannot be read: %2</source>
        <translation>Не удаётся прочитать список «не звонить» %1: %2</translation>
    </message>
    <message>
        <source>The do-not-call list %1 is locked by another program.</source>
        <translation>Список «не звонить» %1 заблокирован другой программой.</translation>
    </message>
    <message>
        <source>The do-not-call list %1 cannot be written: %2</source>
        <translation>Не удаётся записать список «не звонить» %1: %2</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>Не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <source>the subscriber asked</source>
        <translation>попросил абонент</translation>
    </message>
    <message>
        <source>a telecom operator&apos;s refusal list</source>
        <translation>реестр отказов оператора связи</translation>
    </message>
    <message>
        <source>a complaint</source>
        <translation>жалоба</translation>
    </message>
    <message>
        <source>other</source>
        <translation>другое</translation>
    </message>
    <message>
        <source>migrated from %1</source>
        <translation>перенесено из %1</translation>
    </message>
    <message>
        <source>The old do-not-call list %1 was copied into the store but cannot be renamed.</source>
        <translation>Старый список «не звонить» %1 скопирован в хранилище, но его не удаётся переименовать.</translation>
    </message>
    <message>
        <source>A number leaves the do-not-call list only with a reason, kept in its history.</source>
        <translation>Номер исключается из списка «не звонить» только с указанием причины — она сохраняется в истории.</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n с</numerusform>
            <numerusform>%n с</numerusform>
            <numerusform>%n с</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 мин %2 с</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 ч %2 мин</translation>
    </message>
    <message>
        <source>%1 days %2 h</source>
        <translation>%1 дн. %2 ч</translation>
    </message>
</context>
<context>
    <name>ErrorCatalog</name>
    <message>
        <source>%1 (server: %2)</source>
        <translation>%1 (сервер: %2)</translation>
    </message>
    <message>
        <source>The server rejected the request as invalid.</source>
        <translation>Сервер отклонил запрос как неверный.</translation>
    </message>
    <message>
        <source>The account is not active (not activated or blocked), so the request was refused.</source>
        <translation>Аккаунт не активен (не активирован или заблокирован), поэтому запрос отклонён.</translation>
    </message>
    <message>
        <source>The server does not know this request (404). Check the API address.</source>
        <translation>Сервер не знает такого запроса (404). Проверьте адрес API.</translation>
    </message>
    <message>
        <source>The server took too long to answer (HTTP %1).</source>
        <translation>Сервер слишком долго не отвечал (HTTP %1).</translation>
    </message>
    <message>
        <source>Too many requests: the server asks to slow down. Try again in a moment.</source>
        <translation>Слишком много запросов: сервер просит снизить частоту. Повторите чуть позже.</translation>
    </message>
    <message>
        <source>The server failed while handling the request (HTTP 500).</source>
        <translation>Сбой на сервере при обработке запроса (HTTP 500).</translation>
    </message>
    <message>
        <source>The server is unavailable (HTTP %1). Try again later.</source>
        <translation>Сервер недоступен (HTTP %1). Повторите позже.</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP %1).</source>
        <translation>Сервер отклонил запрос (HTTP %1).</translation>
    </message>
    <message>
        <source>The outcome is unknown: the request reached the server but no answer came back, so the call may have been placed. It was not sent again. Check the call list before sending again.</source>
        <translation>Результат неизвестен: запрос дошёл до сервера, но ответа не было, поэтому звонок мог состояться. Повторно запрос не отправлялся. Проверьте список вызовов, прежде чем отправлять снова.</translation>
    </message>
    <message>
        <source>The outcome is unknown: the service may have been created. Refresh the list before creating it again.</source>
        <translation>Результат неизвестен: услуга могла быть создана. Обновите список, прежде чем создавать её снова.</translation>
    </message>
    <message>
        <source>The outcome is unknown: the service may have been deleted. Refresh the list.</source>
        <translation>Результат неизвестен: услуга могла быть удалена. Обновите список.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Сервер не ответил вовремя.</translation>
    </message>
    <message>
        <source>A secure connection could not be established: the server&apos;s certificate was not accepted.</source>
        <translation>Не удалось установить защищённое соединение: сертификат сервера не принят.</translation>
    </message>
    <message>
        <source>The server could not be reached. Check the network connection and the API address.</source>
        <translation>Не удалось связаться с сервером. Проверьте подключение к сети и адрес API.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read.</source>
        <translation>Не удалось прочитать ответ сервера.</translation>
    </message>
    <message>
        <source>The API address &quot;%1&quot; is not allowed: use https (plain http only to this computer).</source>
        <translation>Адрес API «%1» недопустим: используйте https (обычный http — только к этому компьютеру).</translation>
    </message>
    <message>
        <source>The outcome is unknown: the server answered with an error (HTTP %1) after the request reached it, so the call may have been placed. It was not sent again. Check the call list before sending again.</source>
        <translation>Результат неизвестен: сервер ответил ошибкой (HTTP %1) уже после получения запроса, поэтому звонок мог состояться. Повторно запрос не отправлялся. Проверьте список вызовов, прежде чем отправлять снова.</translation>
    </message>
    <message>
        <source>The outcome is unknown: the server&apos;s answer could not be read, so the call may have been placed. It was not sent again. Check the call list before sending again.</source>
        <translation>Результат неизвестен: ответ сервера не удалось прочитать, поэтому звонок мог состояться. Повторно запрос не отправлялся. Проверьте список вызовов, прежде чем отправлять снова.</translation>
    </message>
    <message>
        <source>The proxy server could not be used: it refused the connection or could not reach the API. Check the proxy (Profiles → Network).</source>
        <translation>Не удалось воспользоваться прокси-сервером: он отказал в соединении или не смог связаться с API. Проверьте прокси (Профили → Сеть).</translation>
    </message>
    <message>
        <source>The proxy server asks for a user name and password, and none (or wrong ones) were given. Nothing was sent.</source>
        <translation>Прокси-сервер требует имя пользователя и пароль, а они не указаны (или неверны). Ничего не отправлено.</translation>
    </message>
</context>
<context>
    <name>ExolveErrors</name>
    <message>
        <source>No API key is set.</source>
        <translation>API-ключ не задан.</translation>
    </message>
    <message>
        <source>The API key contains a line break or another control character. Copy the key again, as one line.</source>
        <translation>API-ключ содержит перевод строки или другой управляющий символ. Скопируйте ключ заново одной строкой.</translation>
    </message>
    <message>
        <source>During the trial period calls can only be made to your own confirmed number. Confirm the destination number in the Exolve account or activate the account.</source>
        <translation>В пробный период звонить можно только на свой подтверждённый номер. Подтвердите номер получателя в личном кабинете Exolve или активируйте аккаунт.</translation>
    </message>
    <message>
        <source>The SIP resource id is missing.</source>
        <translation>Не указан идентификатор ресурса SIP.</translation>
    </message>
    <message>
        <source>The SIP resource id is not valid: it must be a whole number.</source>
        <translation>Недопустимый идентификатор ресурса SIP: нужно целое число.</translation>
    </message>
    <message>
        <source>The call id is not valid.</source>
        <translation>Недопустимый идентификатор вызова.</translation>
    </message>
    <message>
        <source>The server rejected the call parameters: check the numbers and the service id.</source>
        <translation>Сервер отклонил параметры вызова: проверьте номера и идентификатор услуги.</translation>
    </message>
    <message>
        <source>The API key is not valid: the server could not read it. Check that the whole key was copied from the application in the Exolve account.</source>
        <translation>API-ключ недействителен: сервер не смог его прочитать. Проверьте, что ключ скопирован из приложения в личном кабинете Exolve целиком.</translation>
    </message>
    <message>
        <source>The API key was not accepted: the user and application information in it could not be read (JWT claims). Create a new key for the application.</source>
        <translation>API-ключ не принят: не удалось прочитать сведения о пользователе и приложении (JWT claims). Создайте для приложения новый ключ.</translation>
    </message>
    <message>
        <source>The API key is missing or not valid.</source>
        <translation>API-ключ не указан или недействителен.</translation>
    </message>
    <message>
        <source>The audio file with this media_id does not exist. Upload it in the Exolve account or check the id.</source>
        <translation>Аудиофайла с таким media_id нет. Загрузите его в личном кабинете Exolve или проверьте идентификатор.</translation>
    </message>
    <message>
        <source>The voice-message service was not found for the application of this API key.</source>
        <translation>Услуга голосового SMS не найдена в приложении этого API-ключа.</translation>
    </message>
    <message>
        <source>The voice-message service or its application was not found.</source>
        <translation>Услуга голосового SMS или её приложение не найдены.</translation>
    </message>
    <message>
        <source>The call was not found, or the service it used has no audio file attached.</source>
        <translation>Вызов не найден, или к его услуге не привязан аудиофайл.</translation>
    </message>
    <message>
        <source>This SIP resource does not belong to the application of this API key.</source>
        <translation>Этот ресурс SIP не принадлежит приложению данного API-ключа.</translation>
    </message>
    <message>
        <source>The server could not reach your account (error getting customer status). Try again later.</source>
        <translation>Сервер не смог получить данные вашего аккаунта (error getting customer status). Повторите позже.</translation>
    </message>
    <message>
        <source>The server redirected the request elsewhere (HTTP %1); the API key is never sent to another address, so the request was stopped. Check the API address.</source>
        <translation>Сервер перенаправил запрос по другому адресу (HTTP %1); API-ключ никогда не отправляется на другой адрес, поэтому запрос остановлен. Проверьте адрес API.</translation>
    </message>
</context>
<context>
    <name>ExolveValidation</name>
    <message>
        <source>Enter a name for the service.</source>
        <translation>Введите название услуги.</translation>
    </message>
    <message>
        <source>The name is too long (at most 255 characters).</source>
        <translation>Слишком длинное название (не более 255 символов).</translation>
    </message>
    <message>
        <source>Enter the media_id of the audio file.</source>
        <translation>Введите media_id аудиофайла.</translation>
    </message>
    <message>
        <source>media_id must be a whole number from 1 to 18446744073709551615.</source>
        <translation>media_id — целое число от 1 до 18446744073709551615.</translation>
    </message>
    <message>
        <source>The redirect digit must be a single digit from 0 to 9.</source>
        <translation>Цифра переадресации — одна цифра от 0 до 9.</translation>
    </message>
    <message>
        <source>Enter the number to redirect the call to.</source>
        <translation>Введите номер, на который переадресовать вызов.</translation>
    </message>
    <message>
        <source>The redirect number may contain only digits and a leading +.</source>
        <translation>Номер переадресации может содержать только цифры и + в начале.</translation>
    </message>
    <message>
        <source>The redirect number must be 9 to 14 characters long (now %1).</source>
        <translation>Номер переадресации должен содержать от 9 до 14 символов (сейчас %1).</translation>
    </message>
    <message>
        <source>Enter a service id.</source>
        <translation>Введите идентификатор услуги.</translation>
    </message>
    <message>
        <source>The service id may not contain spaces or special characters.</source>
        <translation>Идентификатор услуги не может содержать пробелы и специальные символы.</translation>
    </message>
    <message>
        <source>Enter a call id.</source>
        <translation>Введите идентификатор вызова.</translation>
    </message>
    <message>
        <source>The call id may not contain spaces or special characters.</source>
        <translation>Идентификатор вызова не может содержать пробелы и специальные символы.</translation>
    </message>
    <message>
        <source>The SIP resource id must be a whole number from 0 to 18446744073709551615.</source>
        <translation>Идентификатор ресурса SIP — целое число от 0 до 18446744073709551615.</translation>
    </message>
</context>
<context>
    <name>HistoryComparison</name>
    <message>
        <source>The folder %1 cannot be made.</source>
        <translation>Не удаётся создать папку %1.</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>Не удаётся записать %1: %2</translation>
    </message>
</context>
<context>
    <name>HolidayCalendar</name>
    <message>
        <source>Line %1 is not a date: %2</source>
        <translation>Строка %1 — не дата: %2</translation>
    </message>
    <message>
        <source>Line %1 is neither a date (YYYY-MM-DD) nor &quot;working YYYY-MM-DD&quot;: %2</source>
        <translation>Строка %1 — не дата (ГГГГ-ММ-ДД) и не «working ГГГГ-ММ-ДД»: %2</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>Не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>Не удаётся записать %1: %2</translation>
    </message>
</context>
<context>
    <name>LegacyErrors</name>
    <message>
        <source>No login or password is set.</source>
        <translation>Не заданы логин или пароль.</translation>
    </message>
    <message>
        <source>The login or password contains a line break or another control character. Enter it again.</source>
        <translation>Логин или пароль содержит перевод строки или другой управляющий символ. Введите его заново.</translation>
    </message>
    <message>
        <source>A required parameter is missing (ArgumentCanNotBeNullOrEmpty).</source>
        <translation>Не указан обязательный параметр (ArgumentCanNotBeNullOrEmpty).</translation>
    </message>
    <message>
        <source>A parameter is not valid (InvalidArgument): check the numbers, the file id and the schedule.</source>
        <translation>Недопустимый параметр (InvalidArgument): проверьте номера, id файла и время отправки.</translation>
    </message>
    <message>
        <source>The session is not valid or has expired (InvalidSessionID).</source>
        <translation>Сессия недействительна или истекла (InvalidSessionID).</translation>
    </message>
    <message>
        <source>The login or password was not accepted (UnauthorizedAccess).</source>
        <translation>Логин или пароль не приняты (UnauthorizedAccess).</translation>
    </message>
    <message>
        <source>Not enough credits on the account to send (NotEnoughCredits). Top up the balance.</source>
        <translation>Недостаточно средств на счёте для отправки (NotEnoughCredits). Пополните баланс.</translation>
    </message>
    <message>
        <source>The operation is not allowed now (InvalidOperation).</source>
        <translation>Операция сейчас недопустима (InvalidOperation).</translation>
    </message>
    <message>
        <source>Access to this operation is forbidden for the account (Forbidden).</source>
        <translation>Эта операция запрещена для аккаунта (Forbidden).</translation>
    </message>
    <message>
        <source>The service failed internally (InternalServerError). Try again later.</source>
        <translation>Внутренняя ошибка сервиса (InternalServerError). Повторите позже.</translation>
    </message>
    <message>
        <source>The service answered with error code %1: %2</source>
        <translation>Сервис ответил кодом ошибки %1: %2</translation>
    </message>
    <message>
        <source>The server redirected the request elsewhere (HTTP %1); the login and password are never sent to another address, so the request was stopped. Check the API address.</source>
        <translation>Сервер перенаправил запрос по другому адресу (HTTP %1); логин и пароль никогда не отправляются на другой адрес, поэтому запрос остановлен. Проверьте адрес API.</translation>
    </message>
</context>
<context>
    <name>LegacyNames</name>
    <message>
        <source>sending</source>
        <translation>отправляется</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>отправлен</translation>
    </message>
    <message>
        <source>listened</source>
        <translation>прослушано</translation>
    </message>
    <message>
        <source>not listened</source>
        <translation>не прослушано</translation>
    </message>
    <message>
        <source>error</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>state %1</source>
        <translation>состояние %1</translation>
    </message>
</context>
<context>
    <name>LegacySendPage</name>
    <message>
        <source>Send a voice message through integrationapi.net (2013): the number is called and hears the uploaded audio file.</source>
        <translation>Отправка голосового сообщения через integrationapi.net (2013): на номер звонят и проигрывают загруженный аудиофайл.</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Отправитель:</translation>
    </message>
    <message>
        <source>e.g. +7 495 772-23-45</source>
        <translation>например +7 495 772-23-45</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Получатель:</translation>
    </message>
    <message>
        <source>e.g. +7 903 123-45-67</source>
        <translation>например +7 903 123-45-67</translation>
    </message>
    <message>
        <source>Audio &amp;file id:</source>
        <translation>ID &amp;аудиофайла:</translation>
    </message>
    <message>
        <source>id of the file in the account&apos;s media library</source>
        <translation>id файла в медиатеке личного кабинета</translation>
    </message>
    <message>
        <source>S&amp;chedule:</source>
        <translation>Вре&amp;мя отправки:</translation>
    </message>
    <message>
        <source>later, at (your local time):</source>
        <translation>позже, в (ваше местное время):</translation>
    </message>
    <message>
        <source>&amp;Attempts:</source>
        <translation>П&amp;опытки:</translation>
    </message>
    <message>
        <source>service default</source>
        <translation>как в сервисе</translation>
    </message>
    <message>
        <source>&amp;Gap between attempts:</source>
        <translation>&amp;Интервал между попытками:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>&amp;DTMF:</source>
        <translation>&amp;DTMF:</translation>
    </message>
    <message>
        <source>collect the keys the listener presses</source>
        <translation>собирать нажатия клавиш слушателем</translation>
    </message>
</context>
<context>
    <name>LegacyValidation</name>
    <message>
        <source>Enter the id of an uploaded audio file.</source>
        <translation>Введите id загруженного аудиофайла.</translation>
    </message>
    <message>
        <source>The file id must be a whole number from 1 to 18446744073709551615.</source>
        <translation>Id файла — целое число от 1 до 18446744073709551615.</translation>
    </message>
    <message>
        <source>The number of attempts must be from 1 to 10.</source>
        <translation>Число попыток — от 1 до 10.</translation>
    </message>
    <message>
        <source>The interval between attempts must be from 1 to 1440 minutes.</source>
        <translation>Интервал между попытками — от 1 до 1440 минут.</translation>
    </message>
    <message>
        <source>The scheduled time is in the past.</source>
        <translation>Запланированное время уже прошло.</translation>
    </message>
</context>
<context>
    <name>NetworkSetup</name>
    <message>
        <source>Give the proxy as host:port, e.g. proxy.example.com:3128.</source>
        <translation>Укажите прокси как узел:порт, например proxy.example.com:3128.</translation>
    </message>
    <message>
        <source>Leave the user name and password out: they are asked for when the proxy wants them, and kept only in the system keychain.</source>
        <translation>Не указывайте здесь имя пользователя и пароль: их спросят, когда прокси потребует, и сохранят только в системном хранилище паролей.</translation>
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
        <translation>Услуг голосового SMS пока нет. Создайте услугу: voicectl services create</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>НАЗВАНИЕ</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>СОЗДАНА</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n услуга</numerusform>
            <numerusform>%n услуги</numerusform>
            <numerusform>%n услуг</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Redirect digit</source>
        <translation>Цифра переадресации</translation>
    </message>
    <message>
        <source>Redirect number</source>
        <translation>Номер переадресации</translation>
    </message>
    <message>
        <source>Media ID</source>
        <translation>ID аудиофайла</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создано</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n секунда</numerusform>
            <numerusform>%n секунды</numerusform>
            <numerusform>%n секунд</numerusform>
        </translation>
    </message>
    <message>
        <source>Call ID</source>
        <translation>ID вызова</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Завершён</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Отправитель</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Получатель</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Answer timeout</source>
        <translation>Ожидание ответа</translation>
    </message>
    <message>
        <source>SIP resource ID</source>
        <translation>ID ресурса SIP</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Приложение</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>******** (use --show-secrets to reveal)</source>
        <translation>******** (показать: --show-secrets)</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Домен</translation>
    </message>
    <message>
        <source>Install fee</source>
        <translation>Стоимость подключения</translation>
    </message>
    <message>
        <source>Subscription fee</source>
        <translation>Абонентская плата</translation>
    </message>
</context>
<context>
    <name>ProfileManager</name>
    <message>
        <source>Sandbox</source>
        <translation>Песочница</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; has no API key yet: edit the profile to add it.</source>
        <translation>У профиля «%1» ещё нет API-ключа: добавьте его в настройках профиля.</translation>
    </message>
    <message>
        <source>The API key of &quot;%1&quot; could not be read: %2</source>
        <translation>Не удалось прочитать API-ключ профиля «%1»: %2</translation>
    </message>
    <message>
        <source>That profile no longer exists.</source>
        <translation>Этого профиля больше нет.</translation>
    </message>
    <message>
        <source>%1 The key is kept in memory for this session only; it will be asked for again after a restart.</source>
        <translation>%1 Ключ хранится в памяти только до конца сеанса; после перезапуска его придётся ввести снова.</translation>
    </message>
    <message>
        <source>Sandbox — integrationapi.net (2013)</source>
        <translation>Песочница — integrationapi.net (2013)</translation>
    </message>
</context>
<context>
    <name>ProfilesDialog</name>
    <message>
        <source>Profiles</source>
        <translation>Профили</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Провайдер:</translation>
    </message>
    <message>
        <source>API &amp;address:</source>
        <translation>&amp;Адрес API:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;ключ:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>&amp;Use This Profile</source>
        <translation>&amp;Использовать профиль</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Логин:</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Сеть</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>Про&amp;кси:</translation>
    </message>
    <message>
        <source>Proxy a&amp;ddress:</source>
        <translation>&amp;Адрес прокси:</translation>
    </message>
</context>
<context>
    <name>SecretMessages</name>
    <message numerus="yes">
        <source>The system keychain did not answer within %n second(s); it may be locked. The operation was abandoned.</source>
        <translation>
            <numerusform>Системное хранилище паролей не ответило за %n секунду; возможно, оно заблокировано. Операция прервана.</numerusform>
            <numerusform>Системное хранилище паролей не ответило за %n секунды; возможно, оно заблокировано. Операция прервана.</numerusform>
            <numerusform>Системное хранилище паролей не ответило за %n секунд; возможно, оно заблокировано. Операция прервана.</numerusform>
        </translation>
    </message>
    <message>
        <source>The system keychain cannot be used (%1).</source>
        <translation>Системное хранилище паролей недоступно (%1).</translation>
    </message>
    <message>
        <source>No secret is stored for this profile yet.</source>
        <translation>Для этого профиля ещё не сохранён секрет.</translation>
    </message>
</context>
<context>
    <name>SendFailure</name>
    <message>
        <source>Not sent: %1</source>
        <translation>Не отправлено: %1</translation>
    </message>
    <message>
        <source>The voice message was not sent: %1</source>
        <translation>Голосовое сообщение не отправлено: %1</translation>
    </message>
</context>
<context>
    <name>SendPage</name>
    <message>
        <source>Send a voice message: the destination is called and hears the service&apos;s audio file. Each call is charged by the provider.</source>
        <translation>Отправка голосового сообщения: получателю звонят и проигрывают аудиофайл услуги. Каждый вызов тарифицируется провайдером.</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Отправитель:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Получатель:</translation>
    </message>
    <message>
        <source>number to call, e.g. +7 926 999-99-99</source>
        <translation>номер получателя, например +7 926 999-99-99</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Услуга:</translation>
    </message>
    <message>
        <source>Reload the services</source>
        <translation>Обновить список услуг</translation>
    </message>
</context>
<context>
    <name>SendingWindow</name>
    <message>
        <source>The journal&apos;s sending window &quot;%1&quot; cannot be read.</source>
        <translation>Не удаётся прочитать окно отправки «%1» из журнала.</translation>
    </message>
    <message>
        <source>Unknown time zone &quot;%1&quot;: use an IANA name such as Europe/Moscow, or UTC+03:00.</source>
        <translation>Неизвестный часовой пояс «%1»: укажите имя IANA, например Europe/Moscow, или UTC+03:00.</translation>
    </message>
    <message>
        <source>The sending window opens and closes at the same time (%1). Give two different times, e.g. 09:00-20:00, or set no window to call at any hour.</source>
        <translation>Окно отправки открывается и закрывается в одно время (%1). Укажите два разных времени, например 09:00-20:00, или не задавайте окно, чтобы звонить в любое время.</translation>
    </message>
    <message>
        <source>The sending window is hours as HH:MM-HH:MM in the recipient&apos;s local time, e.g. 09:00-20:00, or two of them for working days and for weekends and holidays, e.g. 08:00-22:00/09:00-20:00.</source>
        <translation>Окно отправки — часы в виде ЧЧ:ММ-ЧЧ:ММ по местному времени получателя, например 09:00-20:00, или два таких диапазона: для рабочих дней и для выходных и праздников, например 08:00-22:00/09:00-20:00.</translation>
    </message>
    <message>
        <source>The sending window has at most two parts: working days / weekends and holidays.</source>
        <translation>В окне отправки не больше двух частей: рабочие дни / выходные и праздники.</translation>
    </message>
</context>
<context>
    <name>ServiceEditorDialog</name>
    <message>
        <source>New voice-message service</source>
        <translation>Новая услуга голосового SMS</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>e.g. Appointment reminder</source>
        <translation>например, Напоминание о записи</translation>
    </message>
    <message>
        <source>&amp;Audio file (media_id):</source>
        <translation>&amp;Аудиофайл (media_id):</translation>
    </message>
    <message>
        <source>id of an audio file uploaded in the Exolve account</source>
        <translation>id аудиофайла, загруженного в личном кабинете Exolve</translation>
    </message>
    <message>
        <source>Redirect &amp;digit:</source>
        <translation>&amp;Цифра переадресации:</translation>
    </message>
    <message>
        <source>The key the listener presses to be connected to the redirect number.</source>
        <translation>Клавиша, которую нажимает слушатель, чтобы его соединили с номером переадресации.</translation>
    </message>
    <message>
        <source>&amp;Redirect number:</source>
        <translation>&amp;Номер переадресации:</translation>
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
        <translation>Фильтр по названию или ID (Ctrl+F)</translation>
    </message>
    <message>
        <source>Loading services…</source>
        <translation>Загрузка услуг…</translation>
    </message>
    <message>
        <source>Select a service to see its details.</source>
        <translation>Выберите услугу, чтобы увидеть подробности.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>Redirect digit:</source>
        <translation>Цифра переадресации:</translation>
    </message>
    <message>
        <source>Redirect number:</source>
        <translation>Номер переадресации:</translation>
    </message>
    <message>
        <source>Audio file (media_id):</source>
        <translation>Аудиофайл (media_id):</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Создана:</translation>
    </message>
</context>
<context>
    <name>SipPage</name>
    <message>
        <source>SIP resource id (sip_resource_id), e.g. 5202</source>
        <translation>идентификатор ресурса SIP (sip_resource_id), например 5202</translation>
    </message>
    <message>
        <source>&amp;Look Up</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <source>SIP resource ID:</source>
        <translation>ID ресурса SIP:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Описание:</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Номер:</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Логин:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Имя пользователя:</translation>
    </message>
    <message>
        <source>Domain:</source>
        <translation>Домен:</translation>
    </message>
    <message>
        <source>Install fee:</source>
        <translation>Стоимость подключения:</translation>
    </message>
    <message>
        <source>Subscription fee:</source>
        <translation>Абонентская плата:</translation>
    </message>
    <message>
        <source>Application:</source>
        <translation>Приложение:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>the file is busy: another program is writing to it. Try again in a moment.</source>
        <translation>файл занят: в него пишет другая программа. Повторите чуть позже.</translation>
    </message>
    <message>
        <source>the file cannot be written: it or its folder is read-only.</source>
        <translation>в файл нельзя записывать: он или его папка доступны только для чтения.</translation>
    </message>
    <message>
        <source>the disk could not be read or written.</source>
        <translation>не удалось прочитать диск или записать на него.</translation>
    </message>
    <message>
        <source>the file is damaged.</source>
        <translation>файл повреждён.</translation>
    </message>
    <message>
        <source>the disk is full.</source>
        <translation>диск заполнен.</translation>
    </message>
    <message>
        <source>the file cannot be opened.</source>
        <translation>файл не открывается.</translation>
    </message>
    <message>
        <source>the file could not be read or written.</source>
        <translation>файл не удалось прочитать или записать.</translation>
    </message>
    <message>
        <source>the file could not be read or written (SQLite error %1).</source>
        <translation>файл не удалось прочитать или записать (ошибка SQLite %1).</translation>
    </message>
</context>
<context>
    <name>TeamCampaignLease</name>
    <message>
        <source>running on %1 by %2 since %3</source>
        <translation>идёт на %1, оператор %2, с %3</translation>
    </message>
    <message>
        <source>another computer</source>
        <translation>другом компьютере</translation>
    </message>
    <message>
        <source>No team store is selected.</source>
        <translation>Общее хранилище команды не выбрано.</translation>
    </message>
    <message>
        <source>The team store cannot keep the campaign&apos;s lease</source>
        <translation>Общее хранилище не может удерживать аренду кампании</translation>
    </message>
    <message>
        <source>The campaign&apos;s lease cannot be taken</source>
        <translation>Не удаётся взять аренду кампании</translation>
    </message>
    <message>
        <source>The campaign cannot be entered in the team&apos;s list</source>
        <translation>Не удаётся внести кампанию в список команды</translation>
    </message>
    <message>
        <source>The campaign&apos;s heartbeat cannot be written</source>
        <translation>Не удаётся записать отметку о работе кампании</translation>
    </message>
    <message>
        <source>The team&apos;s campaigns cannot be read</source>
        <translation>Не удаётся прочитать кампании команды</translation>
    </message>
</context>
<context>
    <name>TeamStore</name>
    <message>
        <source>The team store cannot be used: Qt&apos;s PostgreSQL driver (QPSQL) is not installed. On Debian install libqt6sql6-psql; on Windows and macOS it comes with Voice Console.</source>
        <translation>Общее хранилище недоступно: драйвер PostgreSQL из Qt (QPSQL) не установлен. В Debian установите libqt6sql6-psql; в Windows и macOS он входит в Voice Console.</translation>
    </message>
    <message>
        <source>The team store %1 cannot be opened</source>
        <translation>Общее хранилище %1 не удаётся открыть</translation>
    </message>
    <message>
        <source>The team store %1 cannot be used</source>
        <translation>Общим хранилищем %1 не удаётся воспользоваться</translation>
    </message>
    <message>
        <source>The team store&apos;s schema cannot be read</source>
        <translation>Не удаётся прочитать схему общего хранилища</translation>
    </message>
    <message>
        <source>The team store&apos;s schema cannot be made</source>
        <translation>Не удаётся создать схему общего хранилища</translation>
    </message>
    <message>
        <source>Your database role is not a member of %1, so the team store&apos;s schema cannot be made</source>
        <translation>Ваша роль в базе данных не входит в %1, поэтому схему общего хранилища не создать</translation>
    </message>
    <message>
        <source>The team store&apos;s schema is version %1, newer than this Voice Console knows (%2): update Voice Console on this computer. Nothing was changed.</source>
        <translation>Схема общего хранилища версии %1 новее, чем знает эта Voice Console (%2): обновите Voice Console на этом компьютере. Ничего не изменено.</translation>
    </message>
    <message>
        <source>The team store&apos;s schema cannot be brought to version %1</source>
        <translation>Не удаётся обновить схему общего хранилища до версии %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the server cannot be reached</source>
        <translation>сервер недоступен</translation>
    </message>
    <message>
        <source>the server refused the user name or password</source>
        <translation>сервер не принял имя пользователя или пароль</translation>
    </message>
    <message>
        <source>the database does not exist on the server</source>
        <translation>на сервере нет такой базы данных</translation>
    </message>
    <message>
        <source>your database role may not do this: the administrator adds it to %1 (packaging/postgresql/setup.sql)</source>
        <translation>вашей роли в базе данных это не разрешено: администратор добавляет её в %1 (packaging/postgresql/setup.sql)</translation>
    </message>
    <message>
        <source>the team store is not set up on this database: the administrator runs packaging/postgresql/setup.sql, then voicectl team-store init</source>
        <translation>в этой базе данных общее хранилище не настроено: администратор выполняет packaging/postgresql/setup.sql, затем voicectl team-store init</translation>
    </message>
    <message>
        <source>the secure connection failed: check the TLS mode and the CA file to trust</source>
        <translation>защищённое соединение не установлено: проверьте режим TLS и файл доверенного центра сертификации</translation>
    </message>
    <message>
        <source>the server is busy with another operator&apos;s change</source>
        <translation>сервер занят изменением другого оператора</translation>
    </message>
    <message>
        <source>the server refused the request</source>
        <translation>сервер отклонил запрос</translation>
    </message>
    <message>
        <source>%1. The server said: %2</source>
        <translation>%1. Ответ сервера: %2</translation>
    </message>
    <message>
        <source>No team store is selected.</source>
        <translation>Общее хранилище команды не выбрано.</translation>
    </message>
</context>
<context>
    <name>TeamStoreAddress</name>
    <message>
        <source>The team store is given as postgresql://USER@HOST:PORT/DATABASE, for example postgresql://op1@db.example.ru/voice_console?sslmode=verify-full.</source>
        <translation>Общее хранилище задаётся как postgresql://ПОЛЬЗОВАТЕЛЬ@ХОСТ:ПОРТ/БАЗА, например postgresql://op1@db.example.ru/voice_console?sslmode=verify-full.</translation>
    </message>
    <message>
        <source>Leave the password out of the team store&apos;s address: give it in VOICE_TEAM_STORE_PASSWORD or keep it in the keychain (Profiles → Team store).</source>
        <translation>Не указывайте пароль в адресе общего хранилища: задайте его в VOICE_TEAM_STORE_PASSWORD или храните в связке ключей (Профили → Общее хранилище).</translation>
    </message>
    <message>
        <source>The team store&apos;s address needs a user, a host and a database: postgresql://USER@HOST:PORT/DATABASE.</source>
        <translation>В адресе общего хранилища нужны пользователь, хост и база данных: postgresql://ПОЛЬЗОВАТЕЛЬ@ХОСТ:ПОРТ/БАЗА.</translation>
    </message>
    <message>
        <source>sslmode is one of %1.</source>
        <translation>sslmode — одно из: %1.</translation>
    </message>
    <message>
        <source>The team store&apos;s address has an unknown setting &quot;%1&quot;: only sslmode and sslrootcert are read.</source>
        <translation>В адресе общего хранилища неизвестный параметр «%1»: читаются только sslmode и sslrootcert.</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Enter a phone number.</source>
        <translation>Введите номер телефона.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid phone number. Use the international form, e.g. +7 926 999-99-99.</source>
        <translation>«%1» — недопустимый номер телефона. Используйте международный формат, например +7 926 999-99-99.</translation>
    </message>
    <message>
        <source>The call id is not valid.</source>
        <translation>Недопустимый идентификатор вызова.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>--api-url needs the API key in VOICE_API_KEY; it was not set, so a saved profile or the sandbox is used.</source>
        <translation>Для --api-url нужен API-ключ в VOICE_API_KEY; он не задан, поэтому используется сохранённый профиль или песочница.</translation>
    </message>
</context>
<context>
    <name>vc::CallTracker</name>
    <message>
        <source>Nothing was sent: %1</source>
        <translation>Ничего не отправлено: %1</translation>
    </message>
    <message>
        <source>Nothing was sent: %1.</source>
        <translation>Ничего не отправлено: %1.</translation>
    </message>
    <message>
        <source>Nothing was sent: the profile was switched while the contact policy was checked.</source>
        <translation>Ничего не отправлено: профиль переключили, пока проверялась политика контактов.</translation>
    </message>
</context>
<context>
    <name>vc::CampaignReconciler</name>
    <message>
        <source>The journal does not say when this row was requested, so the call history cannot be asked: still unknown.</source>
        <translation>В журнале нет времени запроса этой строки, поэтому историю звонков спросить нельзя: исход по-прежнему неизвестен.</translation>
    </message>
    <message>
        <source>between %1 and %2</source>
        <translation>с %1 по %2</translation>
    </message>
    <message>
        <source>Resolved from Exolve&apos;s call history: one call to this number %1, history id %2 (not a voice-message id), %3 s of talk, so %4.</source>
        <translation>Выяснено по истории звонков Exolve: один звонок на этот номер %1, идентификатор истории %2 (не идентификатор голосового сообщения), разговор %3 с, значит — %4.</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>ответили</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>не ответили</translation>
    </message>
    <message>
        <source>Resolved from Exolve&apos;s call history: one call to this number %1, call id %2; followed with call/v1/GetInfo.</source>
        <translation>Выяснено по истории звонков Exolve: один звонок на этот номер %1, идентификатор %2; дальше отслеживается через call/v1/GetInfo.</translation>
    </message>
    <message>
        <source>Exolve&apos;s call history has %1 calls to this number %2 (another campaign or tool called it too): which one was this campaign&apos;s cannot be told, so it stays unknown.</source>
        <translation>В истории звонков Exolve %1 звонка на этот номер %2 (звонила и другая рассылка или программа): какой из них от этой рассылки, не понять, поэтому исход остаётся неизвестным.</translation>
    </message>
    <message>
        <source>Exolve&apos;s call history has no call to this number %1 yet; its records arrive some time after a call, so ask again after %2.</source>
        <translation>В истории звонков Exolve пока нет звонка на этот номер %1; записи появляются не сразу после звонка, спросите снова после %2.</translation>
    </message>
    <message>
        <source>Exolve&apos;s call history has no call to this number %1, %2 min after the request: not placed. It is sent again only when you choose to (Resend Unknown).</source>
        <translation>В истории звонков Exolve нет звонка на этот номер %1, через %2 мин после запроса: звонок не состоялся. Повторно он отправляется только по вашему решению (Повторить неизвестные).</translation>
    </message>
</context>
<context>
    <name>vc::CampaignRegistry</name>
    <message>
        <source>This campaign is running in another program.</source>
        <translation>Эта кампания идёт в другой программе.</translation>
    </message>
    <message>
        <source>This campaign was never confirmed, so it is not started: create it again.</source>
        <translation>Эта кампания не была подтверждена, поэтому она не запускается: создайте её заново.</translation>
    </message>
    <message>
        <source>This campaign was cancelled: it cannot be resumed.</source>
        <translation>Эта кампания отменена: продолжить её нельзя.</translation>
    </message>
    <message>
        <source>The campaign is running: pause or cancel it first.</source>
        <translation>Кампания идёт: сначала приостановите или отмените её.</translation>
    </message>
    <message>
        <source>The campaign is in use by another program (process %1): it was not removed.</source>
        <translation>Кампания занята другой программой (процесс %1): она не удалена.</translation>
    </message>
    <message>
        <source>The campaign&apos;s lock file cannot be made: it was not removed.</source>
        <translation>Не удаётся создать файл блокировки кампании: она не удалена.</translation>
    </message>
    <message>
        <source>%1 could not be removed.</source>
        <translation>Не удалось удалить %1.</translation>
    </message>
</context>
<context>
    <name>vc::CampaignRunner</name>
    <message>
        <source>on the do-not-call list (added after the preview)</source>
        <translation>в списке «не звонить» (добавлен после предпросмотра)</translation>
    </message>
</context>
<context>
    <name>vc::CampaignTestCall</name>
    <message>
        <source>The test call needs the campaign&apos;s service: choose one.</source>
        <translation>Для тестового звонка нужна услуга кампании: выберите её.</translation>
    </message>
    <message>
        <source>The test call needs the campaign&apos;s audio file id.</source>
        <translation>Для тестового звонка нужен id аудиофайла кампании.</translation>
    </message>
    <message>
        <source>The test call has been &quot;%1&quot; for longer than its answer timeout.</source>
        <translation>Тестовый звонок в статусе «%1» дольше времени ожидания ответа.</translation>
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
        <translation>Для истории звонков нужны номер или SIP-аккаунт, период, конец которого не раньше начала, и страница от 1 до 1000 звонков.</translation>
    </message>
    <message>
        <source>The call history has more than %1 calls for this period: choose a shorter one.</source>
        <translation>В истории звонков за этот период больше %1 звонков: выберите период короче.</translation>
    </message>
</context>
<context>
    <name>vc::cli::Cli</name>
    <message>
        <source>API address (default: VOICE_API_URL or https://api.exolve.ru).</source>
        <translation>Адрес API (по умолчанию VOICE_API_URL или https://api.exolve.ru).</translation>
    </message>
    <message>
        <source>Use the API key of this profile.</source>
        <translation>Использовать API-ключ этого профиля.</translation>
    </message>
    <message>
        <source>Output format: table or json.</source>
        <translation>Формат вывода: table или json.</translation>
    </message>
    <message>
        <source>Print every HTTP request to stderr (secrets masked).</source>
        <translation>Выводить каждый HTTP-запрос в stderr (секреты скрыты).</translation>
    </message>
    <message>
        <source>Language of messages: ru or en (default: the system&apos;s).</source>
        <translation>Язык сообщений: ru или en (по умолчанию — системный).</translation>
    </message>
    <message>
        <source>services create: the service name.</source>
        <translation>services create: название услуги.</translation>
    </message>
    <message>
        <source>services create: id of the audio file.</source>
        <translation>services create: идентификатор аудиофайла.</translation>
    </message>
    <message>
        <source>services create: digit that redirects the call, 0-9 (default 0).</source>
        <translation>services create: цифра для переадресации, 0–9 (по умолчанию 0).</translation>
    </message>
    <message>
        <source>services create: number to redirect to.</source>
        <translation>services create: номер переадресации.</translation>
    </message>
    <message>
        <source>services delete: do not ask for confirmation.</source>
        <translation>services delete: не спрашивать подтверждения.</translation>
    </message>
    <message>
        <source>call send: the caller&apos;s number.</source>
        <translation>call send: номер отправителя.</translation>
    </message>
    <message>
        <source>call send: the number to call.</source>
        <translation>call send: номер получателя.</translation>
    </message>
    <message>
        <source>call send: the voice-message service id.</source>
        <translation>call send: идентификатор услуги голосового SMS.</translation>
    </message>
    <message>
        <source>call send: follow the call until it ends.</source>
        <translation>call send: следить за вызовом до завершения.</translation>
    </message>
    <message>
        <source>call status: follow the call until it ends.</source>
        <translation>call status: следить за вызовом до завершения.</translation>
    </message>
    <message>
        <source>Seconds between status checks with --wait/--watch (default 1).</source>
        <translation>Секунд между проверками статуса при --wait/--watch (по умолчанию 1).</translation>
    </message>
    <message>
        <source>sip show: show the SIP password.</source>
        <translation>sip show: показать пароль SIP.</translation>
    </message>
    <message>
        <source>services, call or sip, then the action.</source>
        <translation>services, call или sip, затем действие.</translation>
    </message>
    <message>
        <source>Unknown output format &quot;%1&quot;: use table or json.</source>
        <translation>Неизвестный формат вывода «%1»: используйте table или json.</translation>
    </message>
    <message>
        <source>--interval takes a number of seconds from 0.1 to 3600.</source>
        <translation>--interval принимает число секунд от 0.1 до 3600.</translation>
    </message>
    <message>
        <source>Name a command, e.g. &quot;voicectl services list&quot;. See voicectl --help.</source>
        <translation>Укажите команду, например «voicectl services list». См. voicectl --help.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; was not found. Set VOICE_API_KEY or add the profile in Voice Console.</source>
        <translation>Профиль «%1» не найден. Задайте VOICE_API_KEY или добавьте профиль в Voice Console.</translation>
    </message>
    <message>
        <source>No API key: set VOICE_API_KEY or use --profile NAME.</source>
        <translation>Нет API-ключа: задайте VOICE_API_KEY или используйте --profile ИМЯ.</translation>
    </message>
    <message>
        <source>Name at least one service id: voicectl services delete ID... [--yes]</source>
        <translation>Укажите хотя бы один идентификатор услуги: voicectl services delete ID... [--yes]</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1 %2&quot;. See voicectl --help.</source>
        <translation>Неизвестная команда «%1 %2». См. voicectl --help.</translation>
    </message>
    <message>
        <source>Wrong number of arguments. Usage: voicectl %1</source>
        <translation>Неверное число аргументов. Использование: voicectl %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Ошибка: %1</translation>
    </message>
    <message>
        <source>[HTTP %1]</source>
        <translation>[HTTP %1]</translation>
    </message>
    <message>
        <source>Server message: %1</source>
        <translation>Сообщение сервера: %1</translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation>Подробности: %1</translation>
    </message>
    <message>
        <source>services create needs --%1.</source>
        <translation>Для services create нужен параметр --%1.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Created service %1</source>
        <translation>Создана услуга %1</translation>
    </message>
    <message>
        <source>Refusing to delete without confirmation: stdin is not a terminal. Add --yes.</source>
        <translation>Удаление без подтверждения невозможно: stdin — не терминал. Добавьте --yes.</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n service(s): %1? Type &quot;yes&quot; to confirm: </source>
        <translation>
            <numerusform>Удалить %n услугу: %1? Для подтверждения введите «да»: </numerusform>
            <numerusform>Удалить %n услуги: %1? Для подтверждения введите «да»: </numerusform>
            <numerusform>Удалить %n услуг: %1? Для подтверждения введите «да»: </numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>Nothing was deleted.</source>
        <translation>Ничего не удалено.</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>Удалена %1</translation>
    </message>
    <message>
        <source>Could not delete %1: %2</source>
        <translation>Не удалось удалить %1: %2</translation>
    </message>
    <message>
        <source>call send needs --%1.</source>
        <translation>Для call send нужен параметр --%1.</translation>
    </message>
    <message>
        <source>source: %1</source>
        <translation>отправитель: %1</translation>
    </message>
    <message>
        <source>destination: %1</source>
        <translation>получатель: %1</translation>
    </message>
    <message>
        <source>service: %1</source>
        <translation>услуга: %1</translation>
    </message>
    <message>
        <source>Call placed: %1</source>
        <translation>Вызов отправлен: %1</translation>
    </message>
    <message>
        <source>The call has been &quot;%1&quot; for longer than its answer timeout; no longer waiting.</source>
        <translation>Вызов находится в статусе «%1» дольше времени ожидания ответа; ожидание прекращено.</translation>
    </message>
    <message>
        <source>The API key of profile &quot;%1&quot; could not be read: %2</source>
        <translation>Не удалось прочитать API-ключ профиля «%1»: %2</translation>
    </message>
    <message>
        <source>legacy: the integrationapi.net login (default: VOICE_LEGACY_LOGIN).</source>
        <translation>legacy: логин integrationapi.net (по умолчанию VOICE_LEGACY_LOGIN).</translation>
    </message>
    <message>
        <source>legacy: API address (default: VOICE_LEGACY_URL or https://integrationapi.net/rest/).</source>
        <translation>legacy: адрес API (по умолчанию VOICE_LEGACY_URL или https://integrationapi.net/rest/).</translation>
    </message>
    <message>
        <source>legacy send: id of the uploaded audio file.</source>
        <translation>legacy send: id загруженного аудиофайла.</translation>
    </message>
    <message>
        <source>legacy send: when to send, local time &quot;YYYY-MM-DD HH:MM&quot; (default: now).</source>
        <translation>legacy send: когда отправить, местное время «ГГГГ-ММ-ДД ЧЧ:ММ» (по умолчанию сразу).</translation>
    </message>
    <message>
        <source>legacy send: attempts to reach the number.</source>
        <translation>legacy send: число попыток дозвона.</translation>
    </message>
    <message>
        <source>legacy send: minutes between attempts.</source>
        <translation>legacy send: минут между попытками.</translation>
    </message>
    <message>
        <source>legacy send: collect the keys the listener presses.</source>
        <translation>legacy send: собирать нажатия клавиш (DTMF).</translation>
    </message>
    <message>
        <source>No integrationapi.net credentials: set VOICE_LEGACY_LOGIN and VOICE_LEGACY_PASSWORD, or use --profile NAME.</source>
        <translation>Нет учётных данных integrationapi.net: задайте VOICE_LEGACY_LOGIN и VOICE_LEGACY_PASSWORD или используйте --profile ИМЯ.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; is not an integrationapi.net profile.</source>
        <translation>Профиль «%1» — не профиль integrationapi.net.</translation>
    </message>
    <message>
        <source>The password of profile &quot;%1&quot; could not be read: %2</source>
        <translation>Не удалось прочитать пароль профиля «%1»: %2</translation>
    </message>
    <message>
        <source>Balance: %1</source>
        <translation>Баланс: %1</translation>
    </message>
    <message>
        <source>legacy send needs --%1.</source>
        <translation>Для legacy send нужен параметр --%1.</translation>
    </message>
    <message>
        <source>--send-date takes local time as &quot;YYYY-MM-DD HH:MM&quot;.</source>
        <translation>--send-date принимает местное время в виде «ГГГГ-ММ-ДД ЧЧ:ММ».</translation>
    </message>
    <message>
        <source>Voice message accepted: %1</source>
        <translation>Голосовое сообщение принято: %1</translation>
    </message>
    <message>
        <source>MESSAGE_ID must be a whole number.</source>
        <translation>MESSAGE_ID — целое число.</translation>
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
        <translation>Язык «%1» не поддерживается: укажите ru или en.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) were being requested when the last run stopped: their outcome is unknown.</source>
        <translation>
            <numerusform>%n строка запрашивалась, когда прошлый запуск прервался: её результат неизвестен.</numerusform>
            <numerusform>%n строки запрашивались, когда прошлый запуск прервался: их результат неизвестен.</numerusform>
            <numerusform>%n строк запрашивались, когда прошлый запуск прервался: их результат неизвестен.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Не удаётся записать %1: %2</translation>
    </message>
    <message>
        <source>Cannot write to the standard output.</source>
        <translation>Не удаётся писать в стандартный вывод.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Экспорт не удался: %1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Экспортировано в %1</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <source>(none: dry run)</source>
        <translation>(нет: пробный прогон)</translation>
    </message>
    <message>
        <source>Total rows</source>
        <translation>Всего строк</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Готово к звонку</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>С ошибкой</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Повторы</translation>
    </message>
    <message>
        <source>Suppressed (do not call)</source>
        <translation>Исключено («не звонить»)</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Звонков совершено</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Доставлено</translation>
    </message>
    <message>
        <source>no status</source>
        <translation>без статуса</translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation>Не доставлено</translation>
    </message>
    <message>
        <source>Still in progress</source>
        <translation>Ещё идут</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <source>Unknown outcome</source>
        <translation>Результат неизвестен</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Ожидают</translation>
    </message>
    <message>
        <source>Estimated duration</source>
        <translation>Оценка длительности</translation>
    </message>
    <message>
        <source>campaign run needs --source NUMBER.</source>
        <translation>Для campaign run нужен --source НОМЕР.</translation>
    </message>
    <message>
        <source>--redial needs --redial-gap MIN (minutes between calls).</source>
        <translation>Для --redial нужен --redial-gap МИН (минут между звонками).</translation>
    </message>
    <message>
        <source>--separator takes one character: , ; or tab.</source>
        <translation>--separator принимает один символ: , ; или tab.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <source>The do-not-call file %1 does not exist.</source>
        <translation>Файла списка «не звонить» %1 нет.</translation>
    </message>
    <message numerus="yes">
        <source>Reading the file: %n row(s)</source>
        <translation>
            <numerusform>Чтение файла: %n строка</numerusform>
            <numerusform>Чтение файла: %n строки</numerusform>
            <numerusform>Чтение файла: %n строк</numerusform>
        </translation>
    </message>
    <message>
        <source>File: %1 (%2%3, separator %4, %5, number column &quot;%6&quot;)</source>
        <translation>Файл: %1 (%2%3, разделитель %4, %5, столбец номера «%6»)</translation>
    </message>
    <message>
        <source> with BOM</source>
        <translation> с BOM</translation>
    </message>
    <message>
        <source>header row</source>
        <translation>есть строка заголовков</translation>
    </message>
    <message>
        <source>no header row</source>
        <translation>без строки заголовков</translation>
    </message>
    <message>
        <source>Warning: the file could not be read to its end: %1</source>
        <translation>Внимание: файл не удалось дочитать до конца: %1</translation>
    </message>
    <message>
        <source>  line %1: &quot;%2&quot; — %3</source>
        <translation>  строка %1: «%2» — %3</translation>
    </message>
    <message numerus="yes">
        <source>  … and %n more (all of them: voicectl campaign export, or -o json --dry-run)</source>
        <translation>
            <numerusform>  … и ещё %n (все — в voicectl campaign export или -o json --dry-run)</numerusform>
            <numerusform>  … и ещё %n (все — в voicectl campaign export или -o json --dry-run)</numerusform>
            <numerusform>  … и ещё %n (все — в voicectl campaign export или -o json --dry-run)</numerusform>
        </translation>
    </message>
    <message>
        <source>Estimated duration: %1 at %2 call(s) per second%3</source>
        <translation>Оценка длительности: %1 при %2 звонк. в секунду%3</translation>
    </message>
    <message>
        <source>, window %1 (%2)</source>
        <translation>, окно %1 (%2)</translation>
    </message>
    <message>
        <source>the recipient&apos;s zone, else this computer&apos;s</source>
        <translation>пояс получателя, иначе этого компьютера</translation>
    </message>
    <message>
        <source>Nothing to call: no row is ready. Nothing was sent.</source>
        <translation>Звонить некому: нет готовых строк. Ничего не отправлено.</translation>
    </message>
    <message>
        <source>Refusing to call without confirmation: stdin is not a terminal. Add --yes. Nothing was sent.</source>
        <translation>Звонки без подтверждения невозможны: stdin — не терминал. Добавьте --yes. Ничего не отправлено.</translation>
    </message>
    <message numerus="yes">
        <source>Call %n number(s)? Type &quot;yes&quot; to start: </source>
        <translation>
            <numerusform>Позвонить на %n номер? Для запуска введите «да»: </numerusform>
            <numerusform>Позвонить на %n номера? Для запуска введите «да»: </numerusform>
            <numerusform>Позвонить на %n номеров? Для запуска введите «да»: </numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>Ничего не отправлено.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) were being requested when the last run stopped: their outcome is unknown and they are not sent again unless you ask (--resend-unknown).</source>
        <translation>
            <numerusform>%n строка запрашивалась, когда прошлый запуск прервался: её результат неизвестен, и повторно она не отправляется, пока вы не попросите (--resend-unknown).</numerusform>
            <numerusform>%n строки запрашивались, когда прошлый запуск прервался: их результат неизвестен, и повторно они не отправляются, пока вы не попросите (--resend-unknown).</numerusform>
            <numerusform>%n строк запрашивались, когда прошлый запуск прервался: их результат неизвестен, и повторно они не отправляются, пока вы не попросите (--resend-unknown).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have an unknown outcome: each may have been called already, and sending again may call these people twice. Add --yes to send them again.</source>
        <translation>
            <numerusform>У %n строки результат неизвестен: звонок мог уже состояться, и повторная отправка может позвонить человеку дважды. Добавьте --yes, чтобы отправить снова.</numerusform>
            <numerusform>У %n строк результат неизвестен: звонки могли уже состояться, и повторная отправка может позвонить людям дважды. Добавьте --yes, чтобы отправить снова.</numerusform>
            <numerusform>У %n строк результат неизвестен: звонки могли уже состояться, и повторная отправка может позвонить людям дважды. Добавьте --yes, чтобы отправить снова.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with an unknown outcome will be sent again, as you asked.</source>
        <translation>
            <numerusform>%n строка с неизвестным результатом будет отправлена снова, как вы просили.</numerusform>
            <numerusform>%n строки с неизвестным результатом будут отправлены снова, как вы просили.</numerusform>
            <numerusform>%n строк с неизвестным результатом будут отправлены снова, как вы просили.</numerusform>
        </translation>
    </message>
    <message>
        <source>Journal: %1</source>
        <translation>Журнал: %1</translation>
    </message>
    <message>
        <source>Warning: the call history cannot be opened (%1); the journal keeps every call.</source>
        <translation>Внимание: историю вызовов открыть не удалось (%1); все звонки записаны в журнал.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) wait for their sending window or a re-dial until %1.</source>
        <translation>
            <numerusform>%n строка ждёт окна отправки или повторного звонка до %1.</numerusform>
            <numerusform>%n строки ждут окна отправки или повторного звонка до %1.</numerusform>
            <numerusform>%n строк ждут окна отправки или повторного звонка до %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The API asks to slow down (HTTP 429): the campaign pauses for %1.</source>
        <translation>API просит снизить частоту (HTTP 429): кампания приостановлена на %1.</translation>
    </message>
    <message>
        <source>Line %1: refused by the API, nothing was placed: %2</source>
        <translation>Строка %1: API отказал, звонка не было: %2</translation>
    </message>
    <message>
        <source>Line %1: the outcome is unknown (the call may have been placed); it will not be sent again: %2</source>
        <translation>Строка %1: результат неизвестен (звонок мог состояться); повторно она не отправляется: %2</translation>
    </message>
    <message numerus="yes">
        <source>Stopping: no new calls; waiting for %n request(s) under way.</source>
        <translation>
            <numerusform>Остановка: новых звонков нет; ждём %n запрос в пути.</numerusform>
            <numerusform>Остановка: новых звонков нет; ждём %n запроса в пути.</numerusform>
            <numerusform>Остановка: новых звонков нет; ждём %n запросов в пути.</numerusform>
        </translation>
    </message>
    <message>
        <source>, about %1 left</source>
        <translation>, осталось около %1</translation>
    </message>
    <message>
        <source>Resume with: voicectl campaign resume %1</source>
        <translation>Продолжить: voicectl campaign resume %1</translation>
    </message>
    <message>
        <source>Interrupted: no more calls were placed. %1</source>
        <translation>Прервано: новых звонков не было. %1</translation>
    </message>
    <message>
        <source>The campaign stopped: %1</source>
        <translation>Кампания остановлена: %1</translation>
    </message>
    <message>
        <source>The API refused the campaign: %1</source>
        <translation>API отказал кампании: %1</translation>
    </message>
    <message>
        <source>The campaign stopped: the journal cannot be written (%1). No call was placed after that.</source>
        <translation>Кампания остановлена: не удаётся записать журнал (%1). После этого звонков не было.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) still wait (their sending window, a re-dial or a resume). %1</source>
        <translation>
            <numerusform>%n строка ещё ждёт (окна отправки, повторного звонка или продолжения). %1</numerusform>
            <numerusform>%n строки ещё ждут (окна отправки, повторного звонка или продолжения). %1</numerusform>
            <numerusform>%n строк ещё ждут (окна отправки, повторного звонка или продолжения). %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have an unknown outcome: check them (voicectl campaign export) before sending them again with resume --resend-unknown.</source>
        <translation>
            <numerusform>У %n строки результат неизвестен: проверьте её (voicectl campaign export), прежде чем отправлять снова через resume --resend-unknown.</numerusform>
            <numerusform>У %n строк результат неизвестен: проверьте их (voicectl campaign export), прежде чем отправлять снова через resume --resend-unknown.</numerusform>
            <numerusform>У %n строк результат неизвестен: проверьте их (voicectl campaign export), прежде чем отправлять снова через resume --resend-unknown.</numerusform>
        </translation>
    </message>
    <message>
        <source>Added %1; the list has %2 number(s).</source>
        <translation>Добавлено: %1; в списке номеров: %2.</translation>
    </message>
    <message>
        <source>Removed %1; the list has %2 number(s).</source>
        <translation>Удалено: %1; в списке номеров: %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2 Nothing was changed.</source>
        <translation>«%1»: %2 Ничего не изменено.</translation>
    </message>
    <message>
        <source>Name at least one number: voicectl dnc %1 NUMBER...</source>
        <translation>Укажите хотя бы один номер: voicectl dnc %1 НОМЕР...</translation>
    </message>
    <message>
        <source>The do-not-call list is empty (%1).</source>
        <translation>Список «не звонить» пуст (%1).</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) are not phone numbers and were skipped, e.g. &quot;%1&quot;.</source>
        <translation>
            <numerusform>%n строка — не номер телефона и пропущена, например «%1».</numerusform>
            <numerusform>%n строки — не номера телефонов и пропущены, например «%1».</numerusform>
            <numerusform>%n строк — не номера телефонов и пропущены, например «%1».</numerusform>
        </translation>
    </message>
    <message>
        <source>campaign export, dnc export: write to this file instead of the standard output.</source>
        <translation>campaign export, dnc export: писать в этот файл, а не в стандартный вывод.</translation>
    </message>
    <message>
        <source>campaign: calls per second (default 1, fractions allowed).</source>
        <translation>campaign: звонков в секунду (по умолчанию 1, можно дробное).</translation>
    </message>
    <message>
        <source>campaign: requests in flight at once (default 4).</source>
        <translation>campaign: одновременных запросов (по умолчанию 4).</translation>
    </message>
    <message>
        <source>campaign: time zone of rows without a tz column (default: this computer&apos;s).</source>
        <translation>campaign: часовой пояс строк без столбца tz (по умолчанию пояс этого компьютера).</translation>
    </message>
    <message>
        <source>campaign: one more do-not-call list for this run (one number per line).</source>
        <translation>campaign: ещё один список «не звонить» на этот запуск (номер на строку).</translation>
    </message>
    <message>
        <source>campaign: call busy or unanswered numbers again, at most N more times.</source>
        <translation>campaign: перезванивать на занятые и неотвеченные номера, не более N раз.</translation>
    </message>
    <message>
        <source>campaign: minutes between re-dials.</source>
        <translation>campaign: минут между повторными звонками.</translation>
    </message>
    <message>
        <source>campaign: where to keep the journal (default: the data folder).</source>
        <translation>campaign: где вести журнал (по умолчанию в папке данных).</translation>
    </message>
    <message>
        <source>campaign: the file&apos;s separator, one character or tab (default: detected).</source>
        <translation>campaign: разделитель файла, один символ или tab (по умолчанию определяется).</translation>
    </message>
    <message>
        <source>campaign: the number column, by name or position from 1.</source>
        <translation>campaign: столбец номера, по имени или по номеру с 1.</translation>
    </message>
    <message>
        <source>campaign run: show the preview and place no call.</source>
        <translation>campaign run: показать предпросмотр и не звонить.</translation>
    </message>
    <message>
        <source>campaign: return once every row is dispatched, without following the calls.</source>
        <translation>campaign: завершиться, когда все строки отправлены, не дожидаясь конца звонков.</translation>
    </message>
    <message>
        <source>campaign resume: send again the rows whose outcome is unknown (needs --yes).</source>
        <translation>campaign resume: снова отправить строки с неизвестным результатом (нужен --yes).</translation>
    </message>
    <message>
        <source>placed %1 of %2 (completed %3, not delivered %4, in progress %5), rejected %6, unknown %7, waiting %8</source>
        <translation>совершено %1 из %2 (доставлено %3, не доставлено %4, идут %5), отклонено %6, неизвестно %7, ожидают %8</translation>
    </message>
    <message>
        <source>, next call at %1</source>
        <translation>, следующий звонок в %1</translation>
    </message>
    <message>
        <source>This campaign was never confirmed, so nothing of it is resumed: run it again with voicectl campaign run. Nothing was sent.</source>
        <translation>Эта кампания не была подтверждена, поэтому она не продолжается: запустите её заново через voicectl campaign run. Ничего не отправлено.</translation>
    </message>
    <message>
        <source>This campaign was cancelled; it is not resumed. Nothing was sent.</source>
        <translation>Эта кампания отменена и не продолжается. Ничего не отправлено.</translation>
    </message>
    <message>
        <source>The journal %1 is damaged (SQLite&apos;s integrity check failed): what follows is what can still be read from it, and it may be incomplete. The file was left as it is.</source>
        <translation>Журнал %1 повреждён (проверка целостности SQLite не пройдена): ниже — то, что из него ещё читается, и это может быть неполным. Файл оставлен как есть.</translation>
    </message>
    <message>
        <source>--encoding takes utf-8, cp1251, utf-16le or utf-16be.</source>
        <translation>--encoding принимает utf-8, cp1251, utf-16le или utf-16be.</translation>
    </message>
    <message>
        <source>Proxy for API requests: a URL (http://[user:password@]host:port), none, or system (the default: https_proxy, http_proxy, all_proxy and no_proxy from the environment). A proxy that asks for a password takes VOICE_PROXY_USER and VOICE_PROXY_PASSWORD.</source>
        <translation>Прокси для запросов к API: URL (http://[user:password@]host:port), none или system (по умолчанию: https_proxy, http_proxy, all_proxy и no_proxy из окружения). Прокси, который требует пароль, берёт VOICE_PROXY_USER и VOICE_PROXY_PASSWORD.</translation>
    </message>
    <message>
        <source>campaign: the file&apos;s encoding, utf-8, cp1251, utf-16le or utf-16be (default: detected).</source>
        <translation>campaign: кодировка файла — utf-8, cp1251, utf-16le или utf-16be (по умолчанию определяется).</translation>
    </message>
    <message>
        <source>--proxy takes a proxy address such as http://proxy.example:3128, none, or system.</source>
        <translation>--proxy принимает адрес прокси, например http://proxy.example:3128, none или system.</translation>
    </message>
    <message>
        <source>Give the proxy&apos;s user name and password in VOICE_PROXY_USER and VOICE_PROXY_PASSWORD, or in its address (--proxy http://user:password@host:port).</source>
        <translation>Укажите имя пользователя и пароль прокси в VOICE_PROXY_USER и VOICE_PROXY_PASSWORD или в его адресе (--proxy http://user:password@host:port).</translation>
    </message>
    <message>
        <source>The journal could not be read to its end: %1</source>
        <translation>Журнал не удалось прочитать до конца: %1</translation>
    </message>
    <message>
        <source>The campaign could not be confirmed in its journal %1: %2. Nothing was sent.</source>
        <translation>Не удалось подтвердить кампанию в её журнале %1: %2. Ничего не отправлено.</translation>
    </message>
    <message>
        <source>--tz takes a time zone such as Europe/Moscow or UTC+03:00.</source>
        <translation>--tz принимает часовой пояс, например Europe/Moscow или UTC+03:00.</translation>
    </message>
    <message>
        <source>Capped (contact policy)</source>
        <translation>Сверх лимита (политика контактов)</translation>
    </message>
    <message>
        <source>call send, legacy send: place the call over the contact policy&apos;s cap; the reason is recorded.</source>
        <translation>call send, legacy send: позвонить сверх лимита политики контактов; причина записывается.</translation>
    </message>
    <message>
        <source>policy set: 230-fz (2 calls a day, 4 a week, 16 a month to one number) or none.</source>
        <translation>policy set: 230-fz (на один номер не более 2 звонков в день, 4 в неделю, 16 в месяц) или none.</translation>
    </message>
    <message>
        <source>policy set: calls to one number per day, in its local time (0 = no cap).</source>
        <translation>policy set: звонков на один номер в день, по его местному времени (0 — без ограничения).</translation>
    </message>
    <message>
        <source>policy set: calls to one number per week, Monday to Sunday (0 = no cap).</source>
        <translation>policy set: звонков на один номер в неделю, с понедельника по воскресенье (0 — без ограничения).</translation>
    </message>
    <message>
        <source>policy set: calls to one number per calendar month (0 = no cap).</source>
        <translation>policy set: звонков на один номер в календарный месяц (0 — без ограничения).</translation>
    </message>
    <message>
        <source>--preset takes 230-fz or none.</source>
        <translation>--preset принимает 230-fz или none.</translation>
    </message>
    <message>
        <source>--%1 takes a whole number from 0 (no cap) to 1000.</source>
        <translation>--%1 принимает целое число от 0 (без ограничения) до 1000.</translation>
    </message>
    <message>
        <source>The settings file cannot be written: %1</source>
        <translation>Не удаётся записать файл настроек: %1</translation>
    </message>
    <message>
        <source>Unknown command &quot;policy %1&quot;. See voicectl --help.</source>
        <translation>Неизвестная команда «policy %1». См. voicectl --help.</translation>
    </message>
    <message>
        <source>Contact policy: %1</source>
        <translation>Политика контактов: %1</translation>
    </message>
    <message>
        <source>Caps per number, in the recipient&apos;s local time: %1</source>
        <translation>Лимиты на номер, по местному времени получателя: %1</translation>
    </message>
    <message>
        <source>--override-cap needs a reason, recorded in the contact ledger.</source>
        <translation>Для --override-cap нужна причина: она записывается в журнал контактов.</translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation>Ничего не отправлено: %1</translation>
    </message>
    <message>
        <source>Over the contact policy&apos;s cap (%1): placed with the reason you gave, recorded in the ledger.</source>
        <translation>Сверх лимита политики контактов (%1): звонок сделан с вашей причиной, она записана в журнал.</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Назначение</translation>
    </message>
    <message>
        <source>Scheduled start</source>
        <translation>Запланированный старт</translation>
    </message>
    <message>
        <source>Purpose: %1</source>
        <translation>Назначение: %1</translation>
    </message>
    <message>
        <source>Scheduled: the first call waits until %1.</source>
        <translation>Запланировано: первый звонок ждёт до %1.</translation>
    </message>
    <message>
        <source>--purpose takes informational or advertising.</source>
        <translation>--purpose принимает informational или advertising.</translation>
    </message>
    <message>
        <source>--start-at takes a local time as &quot;YYYY-MM-DD HH:MM&quot; (in --tz, else this computer&apos;s zone).</source>
        <translation>--start-at принимает местное время в виде «ГГГГ-ММ-ДД ЧЧ:ММ» (в поясе --tz, иначе в поясе этого компьютера).</translation>
    </message>
    <message>
        <source>campaign run: why the people are called: informational (default; reminders, notifications, debts) or advertising (refused: 38-FZ art. 18 part 2 forbids automatic dialing for it).</source>
        <translation>campaign run: зачем звоним: informational (по умолчанию; напоминания, уведомления, задолженность) или advertising (отказ: ст. 18 ч. 2 38-ФЗ запрещает для рекламы автоматическое дозванивание).</translation>
    </message>
    <message>
        <source>campaign run: the first call waits until this local time, &quot;YYYY-MM-DD HH:MM&quot; (in --tz, else this computer&apos;s zone).</source>
        <translation>campaign run: первый звонок ждёт до этого местного времени, «ГГГГ-ММ-ДД ЧЧ:ММ» (в поясе --tz, иначе в поясе этого компьютера).</translation>
    </message>
    <message>
        <source>No sending window: at any hour of the day in the recipient&apos;s time.</source>
        <translation>Без окна отправки: в любой час суток по времени получателя.</translation>
    </message>
    <message>
        <source>policy set: hours to call on working days, in the recipient&apos;s local time (none: not set).</source>
        <translation>policy set: часы звонков в рабочие дни, по местному времени получателя (none — не задано).</translation>
    </message>
    <message>
        <source>policy set: hours to call on weekends and public holidays (none: not set).</source>
        <translation>policy set: часы звонков в выходные и нерабочие праздничные дни (none — не задано).</translation>
    </message>
    <message>
        <source>holidays list: only this year.</source>
        <translation>holidays list: только этот год.</translation>
    </message>
    <message>
        <source>campaign: hours to call in, in the recipient&apos;s local time: 09:00-20:00, or working days / weekends and holidays, 08:00-22:00/09:00-20:00; none for any hour (default: the contact policy&apos;s, else 09:00-20:00).</source>
        <translation>campaign: часы звонков по местному времени получателя: 09:00-20:00 или рабочие дни / выходные и праздники, 08:00-22:00/09:00-20:00; none — в любой час (по умолчанию — из политики контактов, иначе 09:00-20:00).</translation>
    </message>
    <message>
        <source>--%1: %2</source>
        <translation>--%1: %2</translation>
    </message>
    <message>
        <source>one range, HH:MM-HH:MM.</source>
        <translation>один диапазон, ЧЧ:ММ-ЧЧ:ММ.</translation>
    </message>
    <message>
        <source>Hours on working days: %1; on weekends and holidays: %2 (a campaign&apos;s window unless it gives its own)</source>
        <translation>Часы в рабочие дни: %1; в выходные и праздники: %2 (окно кампании, если она не задаёт своё)</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>не заданы</translation>
    </message>
    <message>
        <source>A campaign without --window calls %1 every day.</source>
        <translation>Кампания без --window звонит ежедневно в %1.</translation>
    </message>
    <message>
        <source>--year takes a year, e.g. 2026.</source>
        <translation>--year принимает год, например 2026.</translation>
    </message>
    <message>
        <source>The calendar has no dates for that year: import one with voicectl holidays import FILE.</source>
        <translation>В календаре нет дат этого года: импортируйте календарь командой voicectl holidays import ФАЙЛ.</translation>
    </message>
    <message>
        <source>%1  working day (transferred)</source>
        <translation>%1  рабочий день (перенос)</translation>
    </message>
    <message>
        <source>%1  day off</source>
        <translation>%1  нерабочий день</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n date(s) into %1.</source>
        <translation>
            <numerusform>Импортирована %n дата в %1.</numerusform>
            <numerusform>Импортированы %n даты в %1.</numerusform>
            <numerusform>Импортировано %n дат в %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown command &quot;holidays %1&quot;. See voicectl --help.</source>
        <translation>Неизвестная команда «holidays %1». См. voicectl --help.</translation>
    </message>
    <message>
        <source>dnc add and import: why (subscriber, operator-list, complaint, other); dnc remove: why, in words. Kept in the list&apos;s history.</source>
        <translation>dnc add и import: причина (subscriber, operator-list, complaint, other); dnc remove: причина словами. Сохраняется в истории списка.</translation>
    </message>
    <message>
        <source>dnc add: a note kept with the entry and in the history.</source>
        <translation>dnc add: примечание, сохраняется с записью и в истории.</translation>
    </message>
    <message>
        <source>Say why with --reason %1. Nothing was changed.</source>
        <translation>Укажите причину: --reason %1. Ничего не изменено.</translation>
    </message>
    <message>
        <source>A number leaves the do-not-call list only with a reason: --reason TEXT. Nothing was changed.</source>
        <translation>Номер исключается из списка «не звонить» только с причиной: --reason ТЕКСТ. Ничего не изменено.</translation>
    </message>
    <message>
        <source>Unknown command &quot;dnc %1&quot;. Use add, remove, list, import, export or log.</source>
        <translation>Неизвестная команда «dnc %1». Используйте add, remove, list, import, export или log.</translation>
    </message>
    <message>
        <source>Test call to %1 placed (%2): waiting for its end…</source>
        <translation>Тестовый звонок на %1 сделан (%2): ждём завершения…</translation>
    </message>
    <message>
        <source>The test call to %1 was delivered (%2).</source>
        <translation>Тестовый звонок на %1 доставлен (%2).</translation>
    </message>
    <message>
        <source>The test call was not placed: %1 Nothing else was sent.</source>
        <translation>Тестовый звонок не сделан: %1 Больше ничего не отправлено.</translation>
    </message>
    <message>
        <source>The test call to %1 ended &quot;%2&quot;: the campaign was not started. Nothing else was sent.</source>
        <translation>Тестовый звонок на %1 завершился статусом «%2»: кампания не запущена. Больше ничего не отправлено.</translation>
    </message>
    <message>
        <source>--test-to places a call: a dry run places none.</source>
        <translation>--test-to делает звонок, а пробный прогон звонков не делает.</translation>
    </message>
    <message>
        <source>--test-to: %1</source>
        <translation>--test-to: %1</translation>
    </message>
    <message>
        <source>campaign run: first call this number (yours) with the campaign&apos;s message and wait for its end; the campaign starts only when it was delivered.</source>
        <translation>campaign run: сначала позвонить на этот (ваш) номер с сообщением кампании и дождаться завершения; кампания начнётся, только если звонок доставлен.</translation>
    </message>
    <message>
        <source>%1 Nothing was imported.</source>
        <translation>%1 Ничего не импортировано.</translation>
    </message>
    <message>
        <source>--%1 needs --%2 MIN (minutes between calls).</source>
        <translation>Для --%1 нужен --%2 МИН (минуты между звонками).</translation>
    </message>
    <message>
        <source>campaign: after a busy ending, call again while the row has had at most N calls more.</source>
        <translation>campaign: после «занято» звонить снова, пока у строки было не больше N дополнительных звонков.</translation>
    </message>
    <message>
        <source>campaign: minutes before calling a busy number again.</source>
        <translation>campaign: минут до повторного звонка на занятый номер.</translation>
    </message>
    <message>
        <source>campaign: after an unanswered call, call again while the row has had at most N calls more.</source>
        <translation>campaign: после неотвеченного звонка звонить снова, пока у строки было не больше N дополнительных звонков.</translation>
    </message>
    <message>
        <source>campaign: minutes before calling an unanswered number again.</source>
        <translation>campaign: минут до повторного звонка на неответивший номер.</translation>
    </message>
    <message>
        <source>campaign export: one row per call placed (re-dials included) instead of one per input row.</source>
        <translation>campaign export: по строке на каждый сделанный звонок (включая повторные) вместо строки на каждую входную строку.</translation>
    </message>
    <message>
        <source>Nothing was sent: %1.</source>
        <translation>Ничего не отправлено: %1.</translation>
    </message>
    <message>
        <source>Nothing was sent: %1. To call anyway, give --override-cap REASON.</source>
        <translation>Ничего не отправлено: %1. Чтобы позвонить всё равно, укажите --override-cap ПРИЧИНА.</translation>
    </message>
    <message>
        <source>No consent (contact policy)</source>
        <translation>Без согласия (политика контактов)</translation>
    </message>
    <message>
        <source>Rows: %1 — ready %2, invalid %3, duplicate %4, suppressed %5, capped %6, no consent %7</source>
        <translation>Строк: %1 — готовых %2, ошибочных %3, повторов %4, запрещённых %5, сверх лимита %6, без согласия %7</translation>
    </message>
    <message>
        <source>Consent column: %1</source>
        <translation>Столбец согласия: %1</translation>
    </message>
    <message>
        <source>policy set: yes: campaign rows without consent (a date or source in the consent column) are not called.</source>
        <translation>policy set: yes — строкам кампании без согласия (даты или источника в столбце согласия) не звонить.</translation>
    </message>
    <message>
        <source>campaign: the column that holds each row&apos;s consent, a date or a source (default: a column named consent or согласие).</source>
        <translation>campaign: столбец с согласием абонента — дата или источник (по умолчанию столбец consent или согласие).</translation>
    </message>
    <message>
        <source>--require-consent takes yes or no.</source>
        <translation>--require-consent принимает yes или no.</translation>
    </message>
    <message>
        <source>Consent required: campaign rows without a consent column&apos;s date or source are not called.</source>
        <translation>Согласие обязательно: строкам кампании без даты или источника в столбце согласия не звонят.</translation>
    </message>
    <message>
        <source>Consent not required.</source>
        <translation>Согласие не требуется.</translation>
    </message>
    <message>
        <source>--settle takes minutes from 0 to 1440.</source>
        <translation>--settle принимает минуты от 0 до 1440.</translation>
    </message>
    <message>
        <source>integrationapi.net has no call history to ask: its unknown outcomes cannot be resolved this way. Nothing was changed or sent.</source>
        <translation>У integrationapi.net нет истории звонков: неизвестные исходы так не выяснить. Ничего не изменено и не отправлено.</translation>
    </message>
    <message>
        <source>placed</source>
        <translation>состоялся</translation>
    </message>
    <message>
        <source>not placed</source>
        <translation>не состоялся</translation>
    </message>
    <message>
        <source>still unknown</source>
        <translation>всё ещё неизвестно</translation>
    </message>
    <message>
        <source>Line %1 (+%2): %3. %4</source>
        <translation>Строка %1 (+%2): %3. %4</translation>
    </message>
    <message>
        <source>The call history could not be read to the end: %1. What was resolved before is kept.</source>
        <translation>Историю звонков не удалось прочитать до конца: %1. Выясненное до этого сохранено.</translation>
    </message>
    <message>
        <source>Resolved from Exolve&apos;s call history: %1 placed, %2 not placed (sent again only with --resend-unknown --yes), %3 still unknown.</source>
        <translation>По истории звонков Exolve: состоялось %1, не состоялось %2 (повторно — только с --resend-unknown --yes), всё ещё неизвестно %3.</translation>
    </message>
    <message>
        <source>history reconcile: the period&apos;s start, &quot;YYYY-MM-DD HH:MM&quot; (this computer&apos;s zone) or ISO 8601.</source>
        <translation>history reconcile: начало периода, «ГГГГ-ММ-ДД ЧЧ:ММ» (часовой пояс компьютера) или ISO 8601.</translation>
    </message>
    <message>
        <source>history reconcile: the period&apos;s end.</source>
        <translation>history reconcile: конец периода.</translation>
    </message>
    <message>
        <source>history reconcile: also ask Exolve about this number (the comparison covers the numbers called from here in the period).</source>
        <translation>history reconcile: спросить Exolve и об этом номере (сверка охватывает номера, на которые звонили отсюда за период).</translation>
    </message>
    <message>
        <source>campaign resume: first ask Exolve&apos;s call history about the rows whose outcome is unknown.</source>
        <translation>campaign resume: сначала спросить историю звонков Exolve о строках с неизвестным исходом.</translation>
    </message>
    <message>
        <source>campaign reconcile: minutes after a request before a call missing from the history counts as not placed (default 10).</source>
        <translation>campaign reconcile: через сколько минут после запроса отсутствующий в истории звонок считается несостоявшимся (по умолчанию 10).</translation>
    </message>
    <message>
        <source>Warning: the call history cannot be opened (%1): this call is not recorded in it.</source>
        <translation>Внимание: историю звонков не удаётся открыть (%1), этот звонок в неё не записан.</translation>
    </message>
    <message>
        <source>Warning: the call could not be recorded in the call history.</source>
        <translation>Внимание: звонок не удалось записать в историю звонков.</translation>
    </message>
    <message>
        <source>--%1 takes a time: &quot;YYYY-MM-DD HH:MM&quot; (this computer&apos;s zone), a date, or ISO 8601 with a zone.</source>
        <translation>--%1 принимает время: «ГГГГ-ММ-ДД ЧЧ:ММ» (часовой пояс компьютера), дату или ISO 8601 с часовым поясом.</translation>
    </message>
    <message>
        <source>history reconcile needs --from and --to.</source>
        <translation>Для history reconcile нужны --from и --to.</translation>
    </message>
    <message>
        <source>--to must come after --from.</source>
        <translation>--to должен быть позже --from.</translation>
    </message>
    <message>
        <source>The call history cannot be opened, so there is nothing to compare.</source>
        <translation>Историю звонков не удаётся открыть, сверять нечего.</translation>
    </message>
    <message>
        <source>--number: %1</source>
        <translation>--number: %1</translation>
    </message>
    <message>
        <source>Exolve&apos;s call history could not be read: %1</source>
        <translation>Историю звонков Exolve не удалось прочитать: %1</translation>
    </message>
    <message>
        <source>Warning: the comparison could not be kept: %1</source>
        <translation>Внимание: сверку не удалось сохранить: %1</translation>
    </message>
    <message>
        <source>only here</source>
        <translation>только здесь</translation>
    </message>
    <message>
        <source>only at Exolve</source>
        <translation>только в Exolve</translation>
    </message>
    <message>
        <source>durations differ</source>
        <translation>длительность различается</translation>
    </message>
    <message>
        <source>in both</source>
        <translation>в обоих</translation>
    </message>
    <message>
        <source>+%1  %2  %3  here %4 s, Exolve %5 s  %6</source>
        <translation>+%1  %2  %3  здесь %4 с, Exolve %5 с  %6</translation>
    </message>
    <message>
        <source>In both: %1 (durations differ: %2); only here: %3; only at Exolve: %4.</source>
        <translation>В обоих: %1 (с разной длительностью: %2); только здесь: %3; только в Exolve: %4.</translation>
    </message>
    <message>
        <source>Kept in %1</source>
        <translation>Сохранено в %1</translation>
    </message>
    <message>
        <source>Team store unreachable since %1: no call is placed without its cap check; trying again at %2.
%3</source>
        <translation>Общее хранилище недоступно с %1: без проверки лимитов в нём звонки не совершаются; следующая попытка в %2.
%3</translation>
    </message>
    <message>
        <source>The team store answers again: the campaign goes on.</source>
        <translation>Общее хранилище снова отвечает: кампания продолжается.</translation>
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
        <translation>Voice Console, командная строка: управление услугами голосовых SMS Exolve, отправка голосовых сообщений, отслеживание вызовов.

Команды:
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

API-ключ берётся из VOICE_API_KEY; учётные данные integrationapi.net — из --login или VOICE_LEGACY_LOGIN и VOICE_LEGACY_PASSWORD. Коды выхода: 0 успех, 1 ошибка API, 2 ошибка вызова или проверки данных, 3 сеть/TLS/тайм-аут, 4 вызов завершился не статусом completed (кампании: часть строк не доставлена, отклонена, с неизвестным результатом или ещё ждёт), 130 прервано (можно продолжить).</translation>
    </message>
    <message>
        <source>The team&apos;s shared store (do-not-call list, contact ledger) on PostgreSQL: postgresql://USER@HOST:PORT/DATABASE[?sslmode=verify-full&amp;sslrootcert=FILE] (default: VOICE_TEAM_STORE; without it, this computer&apos;s own store). The password comes from VOICE_TEAM_STORE_PASSWORD or the keychain.</source>
        <translation>Общее хранилище команды (список «не звонить», журнал контактов) на PostgreSQL: postgresql://ПОЛЬЗОВАТЕЛЬ@ХОСТ:ПОРТ/БАЗА[?sslmode=verify-full&amp;sslrootcert=ФАЙЛ] (по умолчанию VOICE_TEAM_STORE; без него — собственное хранилище этого компьютера). Пароль берётся из VOICE_TEAM_STORE_PASSWORD или из связки ключей.</translation>
    </message>
    <message>
        <source>The team store&apos;s password was found neither in VOICE_TEAM_STORE_PASSWORD nor in the keychain: %1</source>
        <translation>Пароль общего хранилища не найден ни в VOICE_TEAM_STORE_PASSWORD, ни в связке ключей: %1</translation>
    </message>
    <message>
        <source>The team&apos;s policy, kept on the team store %1.</source>
        <translation>Политика команды, хранится в общем хранилище %1.</translation>
    </message>
    <message>
        <source>Usage: voicectl team-store init | status | upload</source>
        <translation>Использование: voicectl team-store init | status | upload</translation>
    </message>
    <message>
        <source>No team store is set (--team-store or VOICE_TEAM_STORE): this computer&apos;s own store is used, %1.</source>
        <translation>Общее хранилище не задано (--team-store или VOICE_TEAM_STORE): используется собственное хранилище этого компьютера, %1.</translation>
    </message>
    <message>
        <source>The team store %1 is reachable; its schema is not made yet: run voicectl team-store init.</source>
        <translation>Общее хранилище %1 доступно; схема ещё не создана: выполните voicectl team-store init.</translation>
    </message>
    <message>
        <source>The team store %1 is reachable; schema version %2 (this Voice Console: %3).</source>
        <translation>Общее хранилище %1 доступно; версия схемы %2 (эта Voice Console: %3).</translation>
    </message>
    <message>
        <source>Name the team store: --team-store postgresql://USER@HOST/DATABASE or VOICE_TEAM_STORE.</source>
        <translation>Укажите общее хранилище: --team-store postgresql://ПОЛЬЗОВАТЕЛЬ@ХОСТ/БАЗА или VOICE_TEAM_STORE.</translation>
    </message>
    <message>
        <source>The team store %1 already has schema version %2: nothing to do.</source>
        <translation>У общего хранилища %1 уже схема версии %2: делать нечего.</translation>
    </message>
    <message>
        <source>The team store %1 was set up: schema version %2.</source>
        <translation>Общее хранилище %1 настроено: схема версии %2.</translation>
    </message>
    <message>
        <source>The team store %1 was migrated from schema version %2 to %3.</source>
        <translation>Схема общего хранилища %1 обновлена с версии %2 до %3.</translation>
    </message>
    <message numerus="yes">
        <source>Uploaded to %1: %n number(s) new on the do-not-call list,</source>
        <translation>
            <numerusform>Загружено в %1: %n новый номер в списке «не звонить»,</numerusform>
            <numerusform>Загружено в %1: %n новых номера в списке «не звонить»,</numerusform>
            <numerusform>Загружено в %1: %n новых номеров в списке «не звонить»,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n history entry(ies),</source>
        <translation>
            <numerusform>%n запись истории,</numerusform>
            <numerusform>%n записи истории,</numerusform>
            <numerusform>%n записей истории,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) into the contact ledger.</source>
        <translation>
            <numerusform>%n звонок в журнал контактов.</numerusform>
            <numerusform>%n звонка в журнал контактов.</numerusform>
            <numerusform>%n звонков в журнал контактов.</numerusform>
        </translation>
    </message>
    <message>
        <source>The team had no contact policy yet: this computer&apos;s is now the team&apos;s.</source>
        <translation>У команды ещё не было политики контактов: теперь ею стала политика этого компьютера.</translation>
    </message>
    <message>
        <source>This computer&apos;s own store %1 is kept unchanged as a backup.</source>
        <translation>Собственное хранилище этого компьютера %1 сохранено без изменений как резервная копия.</translation>
    </message>
    <message>
        <source>This campaign runs on another computer of the team: it cannot be started here.</source>
        <translation>Эта кампания идёт на другом компьютере команды: здесь её не запустить.</translation>
    </message>
    <message>
        <source>This campaign is %1: it cannot be started here.</source>
        <translation>Эта кампания %1: здесь её не запустить.</translation>
    </message>
    <message>
        <source>Another computer of the team took this campaign while the team store was away: no more calls from here.</source>
        <translation>Пока общее хранилище было недоступно, кампанию взял другой компьютер команды: отсюда звонков больше не будет.</translation>
    </message>
    <message>
        <source>%1  %2  %3 on %4 since %5; placed %6 of %7, waiting %8, unknown %9</source>
        <translation>%1  %2  %3 на %4 с %5; совершено %6 из %7, ждут %8, неизвестно %9</translation>
    </message>
    <message>
        <source>%1  %2; placed %3 of %4, waiting %5, unknown %6</source>
        <translation>%1  %2; совершено %3 из %4, ждут %5, неизвестно %6</translation>
    </message>
    <message>
        <source>No campaigns.</source>
        <translation>Кампаний нет.</translation>
    </message>
</context>
<context>
    <name>vc::ui::AboutBox</name>
    <message>
        <source>GNU LGPL version 3</source>
        <translation>GNU LGPL версии 3</translation>
    </message>
    <message>
        <source>BSD 2-clause licence</source>
        <translation>лицензия BSD (2 пункта)</translation>
    </message>
    <message>
        <source>Apache License 2.0</source>
        <translation>лицензия Apache 2.0</translation>
    </message>
    <message>
        <source>BSD 3-clause licence</source>
        <translation>лицензия BSD (3 пункта)</translation>
    </message>
    <message>
        <source>public domain</source>
        <translation>общественное достояние</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Voice Console %1&lt;/h3&gt;&lt;p&gt;A console for voice-message services on the Exolve Voice API and the integrationapi.net voice API.&lt;/p&gt;&lt;p&gt;Distributed under the MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Voice Console %1&lt;/h3&gt;&lt;p&gt;Консоль услуг голосовых SMS на Exolve Voice API и голосовом API integrationapi.net.&lt;/p&gt;&lt;p&gt;Распространяется по лицензии MIT.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>Собрано с использованием</translation>
    </message>
    <message>
        <source>Qt is used under the LGPL: it is linked dynamically and can be replaced. The notices of every component are in THIRD-PARTY-NOTICES.md, installed with the program.</source>
        <translation>Qt используется по лицензии LGPL: библиотеки подключаются динамически и могут быть заменены. Уведомления о каждом компоненте — в файле THIRD-PARTY-NOTICES.md, который устанавливается вместе с программой.</translation>
    </message>
    <message>
        <source>About Voice Console</source>
        <translation>О программе Voice Console</translation>
    </message>
</context>
<context>
    <name>vc::ui::CallCharts</name>
    <message numerus="yes">
        <source>How calls ended (%n call(s))</source>
        <translation>
            <numerusform>Чем закончились вызовы (%n вызов)</numerusform>
            <numerusform>Чем закончились вызовы (%n вызова)</numerusform>
            <numerusform>Чем закончились вызовы (%n вызовов)</numerusform>
        </translation>
    </message>
    <message>
        <source>0–10 s</source>
        <translation>0–10 с</translation>
    </message>
    <message>
        <source>10–30 s</source>
        <translation>10–30 с</translation>
    </message>
    <message>
        <source>30–60 s</source>
        <translation>30–60 с</translation>
    </message>
    <message>
        <source>1–5 min</source>
        <translation>1–5 мин</translation>
    </message>
    <message>
        <source>5+ min</source>
        <translation>5+ мин</translation>
    </message>
    <message>
        <source>Duration of answered calls</source>
        <translation>Длительность отвеченных вызовов</translation>
    </message>
</context>
<context>
    <name>vc::ui::CallHistoryModel</name>
    <message>
        <source>outcome unknown</source>
        <translation>результат неизвестен</translation>
    </message>
    <message>
        <source>stale (%1)</source>
        <translation>устарел (%1)</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>отправлен</translation>
    </message>
    <message>
        <source>watching</source>
        <translation>отслеживается</translation>
    </message>
    <message>
        <source>ringing</source>
        <translation>звонок</translation>
    </message>
    <message>
        <source>talking</source>
        <translation>разговор</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>отвечен</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>завершён</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>занято</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>нет ответа</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>отклонён</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>отменён</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>изменён</translation>
    </message>
    <message>
        <source>(no id: outcome unknown)</source>
        <translation>(нет id: результат неизвестен)</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n с</numerusform>
            <numerusform>%n с</numerusform>
            <numerusform>%n с</numerusform>
        </translation>
    </message>
    <message>
        <source>Call ID</source>
        <translation>ID вызова</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Отправитель</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Получатель</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Услуга</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создано</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>отправляется</translation>
    </message>
    <message>
        <source>listened</source>
        <translation>прослушано</translation>
    </message>
    <message>
        <source>not listened</source>
        <translation>не прослушано</translation>
    </message>
    <message>
        <source>error</source>
        <translation>ошибка</translation>
    </message>
</context>
<context>
    <name>vc::ui::CallsPage</name>
    <message>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>Select a call to see its details and status timeline.</source>
        <translation>Выберите вызов, чтобы увидеть подробности и историю статусов.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Status: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Статус: %2</translation>
    </message>
    <message>
        <source>The answer to this send was lost: the call may have been placed. Check before sending again.</source>
        <translation>Ответ на эту отправку потерян: звонок мог состояться. Проверьте, прежде чем отправлять снова.</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>От %1 на %2</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>Услуга: %1</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Создан: %1</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>Начало: %1</translation>
    </message>
    <message>
        <source>Ended: %1</source>
        <translation>Окончание: %1</translation>
    </message>
    <message numerus="yes">
        <source>Duration: %n second(s)</source>
        <translation>
            <numerusform>Длительность: %n секунда</numerusform>
            <numerusform>Длительность: %n секунды</numerusform>
            <numerusform>Длительность: %n секунд</numerusform>
        </translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>Export calls</source>
        <translation>Экспорт вызовов</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) exported to %1.</source>
        <translation>
            <numerusform>%n вызов выгружен в %1.</numerusform>
            <numerusform>%n вызова выгружено в %1.</numerusform>
            <numerusform>%n вызовов выгружено в %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Не удалось выгрузить: %1</translation>
    </message>
    <message>
        <source>Call id to follow</source>
        <translation>Идентификатор вызова для отслеживания</translation>
    </message>
    <message>
        <source>Search calls by number or call id</source>
        <translation>Поиск вызовов по номеру или ID вызова</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Фильтр по статусу</translation>
    </message>
    <message>
        <source>Reload the history</source>
        <translation>Перечитать историю</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Вызовы</translation>
    </message>
    <message>
        <source>Status timeline of the selected call</source>
        <translation>История статусов выбранного вызова</translation>
    </message>
    <message>
        <source>All calls</source>
        <translation>Все вызовы</translation>
    </message>
    <message>
        <source>Campaign %1</source>
        <translation>Кампания %1</translation>
    </message>
    <message>
        <source>Campaign filter</source>
        <translation>Фильтр по кампании</translation>
    </message>
    <message>
        <source>The call history is not open, so there is nothing to compare.</source>
        <translation>История звонков не открыта, сверять нечего.</translation>
    </message>
</context>
<context>
    <name>vc::ui::CampaignCheckPage</name>
    <message>
        <source>Reading the file: %1 rows…</source>
        <translation>Чтение файла: %1 строк…</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Every row as the campaign will see it: ready to call, invalid, a duplicate of an earlier row, or on the do-not-call list. Only ready rows are called, each once.</source>
        <translation>Каждая строка так, как её увидит кампания: готова к звонку, с ошибкой, повтор более ранней строки или в списке «не звонить». Звонки идут только по готовым строкам, каждой — один раз.</translation>
    </message>
    <message>
        <source>E&amp;xport Problems…</source>
        <translation>&amp;Экспорт проблем…</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>Все строки</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Готовые</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>С ошибкой</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Повторы</translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation>Не звонить</translation>
    </message>
    <message>
        <source>Show rows</source>
        <translation>Показать строки</translation>
    </message>
    <message>
        <source>Rows of the file</source>
        <translation>Строки файла</translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>Чтение файла</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Остановлено.</translation>
    </message>
    <message>
        <source>%1 rows: &lt;b&gt;%2 ready&lt;/b&gt;, %3 invalid, %4 duplicates, %5 on the do-not-call list.</source>
        <translation>Строк: %1 — &lt;b&gt;готово %2&lt;/b&gt;, с ошибкой %3, повторов %4, в списке «не звонить» %5.</translation>
    </message>
    <message>
        <source>Export Problems</source>
        <translation>Экспорт проблем</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Не удаётся записать %1: %2</translation>
    </message>
    <message>
        <source>No row can be called: check the number column on the first page and the service on the previous one.</source>
        <translation>Звонить не по чему: проверьте столбец номера на первой странице и услугу на предыдущей.</translation>
    </message>
    <message>
        <source>Over a contact cap</source>
        <translation>Сверх лимита контактов</translation>
    </message>
    <message numerus="yes">
        <source>%n over the contact policy&apos;s caps (called too often already).</source>
        <translation>
            <numerusform>%n сверх лимитов политики контактов (звонили уже слишком часто).</numerusform>
            <numerusform>%n сверх лимитов политики контактов (звонили уже слишком часто).</numerusform>
            <numerusform>%n сверх лимитов политики контактов (звонили уже слишком часто).</numerusform>
        </translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>Без согласия</translation>
    </message>
    <message numerus="yes">
        <source>%n without consent, which the contact policy requires.</source>
        <translation>
            <numerusform>%n — без согласия, которого требует политика контактов.</numerusform>
            <numerusform>%n — без согласия, которого требует политика контактов.</numerusform>
            <numerusform>%n — без согласия, которого требует политика контактов.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vc::ui::CampaignConfirmPage</name>
    <message>
        <source>Start the campaign</source>
        <translation>Запуск кампании</translation>
    </message>
    <message>
        <source>&amp;Start Calling</source>
        <translation>&amp;Начать звонки</translation>
    </message>
    <message>
        <source>audio file %1</source>
        <translation>аудиофайлом %1</translation>
    </message>
    <message>
        <source>named by each row</source>
        <translation>указанной в строке</translation>
    </message>
    <message>
        <source>service «%1»</source>
        <translation>услугой «%1»</translation>
    </message>
    <message>
        <source>Call %1 number(s) from %2 with %3?</source>
        <translation>Позвонить на %1 номер(ов) с номера %2 с %3?</translation>
    </message>
    <message>
        <source>Call %1 number(s) from %2 with %3 between %4 and %5 in each recipient&apos;s time?</source>
        <translation>Позвонить на %1 номер(ов) с номера %2 с %3 с %4 до %5 по времени каждого получателя?</translation>
    </message>
    <message>
        <source>%1 call(s) per second, at most %2 at once. Not called: %3 invalid, %4 duplicate, %5 on the do-not-call list. Nobody is called twice; a call whose outcome is unknown is never sent again without your say.</source>
        <translation>%1 звонк. в секунду, не более %2 одновременно. Без звонка: с ошибкой %3, повторов %4, в списке «не звонить» %5. Никому не звонят дважды; звонок с неизвестным результатом без вашего решения не повторяется.</translation>
    </message>
    <message>
        <source>This is the built-in sandbox: no real call is made and nothing costs money.</source>
        <translation>Это встроенная песочница: настоящих звонков нет, ничего не оплачивается.</translation>
    </message>
    <message>
        <source>Balance: %1</source>
        <translation>Баланс: %1</translation>
    </message>
    <message>
        <source>The balance is unavailable: %1</source>
        <translation>Баланс недоступен: %1</translation>
    </message>
    <message numerus="yes">
        <source>Estimated duration: %1 for %n call(s).</source>
        <translation>
            <numerusform>Оценка длительности: %1 на %n звонок.</numerusform>
            <numerusform>Оценка длительности: %1 на %n звонка.</numerusform>
            <numerusform>Оценка длительности: %1 на %n звонков.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more over the contact policy&apos;s caps.</source>
        <translation>
            <numerusform>Ещё %n сверх лимитов политики контактов.</numerusform>
            <numerusform>Ещё %n сверх лимитов политики контактов.</numerusform>
            <numerusform>Ещё %n сверх лимитов политики контактов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Purpose: %1.</source>
        <translation>Назначение: %1.</translation>
    </message>
    <message>
        <source>No sending window: at any hour of the day in the recipient&apos;s time.</source>
        <translation>Без окна отправки: в любой час суток по времени получателя.</translation>
    </message>
    <message>
        <source>Scheduled: confirmed now, the first call waits until %1.</source>
        <translation>Запланировано: кампания подтверждается сейчас, первый звонок ждёт до %1.</translation>
    </message>
    <message>
        <source>Call %1 number(s) from %2 with %3, %4 on working days and %5 on weekends and holidays, in each recipient&apos;s time?</source>
        <translation>Позвонить на %1 номер(ов) с %2 с %3: в рабочие дни %4, в выходные и праздники %5, по времени каждого получателя?</translation>
    </message>
    <message>
        <source>Calling %1…</source>
        <translation>Звоним на %1…</translation>
    </message>
    <message>
        <source>Test call to %1: %2…</source>
        <translation>Тестовый звонок на %1: %2…</translation>
    </message>
    <message>
        <source>The test call to %1 was delivered (%2): the message plays as it should.</source>
        <translation>Тестовый звонок на %1 доставлен (%2): сообщение проигрывается как надо.</translation>
    </message>
    <message>
        <source>The test call was not placed: %1</source>
        <translation>Тестовый звонок не сделан: %1</translation>
    </message>
    <message>
        <source>The test call to %1 ended &quot;%2&quot;: check the message before you start.</source>
        <translation>Тестовый звонок на %1 завершился статусом «%2»: проверьте сообщение перед запуском.</translation>
    </message>
    <message>
        <source>&amp;Test call to:</source>
        <translation>&amp;Тестовый звонок на:</translation>
    </message>
    <message>
        <source>your own number, e.g. +7 926 123-45-67</source>
        <translation>ваш номер, например +7 926 123-45-67</translation>
    </message>
    <message>
        <source>&amp;Place Test Call</source>
        <translation>&amp;Позвонить для проверки</translation>
    </message>
    <message>
        <source>Test call to</source>
        <translation>Тестовый звонок на</translation>
    </message>
    <message>
        <source>Place Test Call</source>
        <translation>Позвонить для проверки</translation>
    </message>
    <message numerus="yes">
        <source>%n more without consent.</source>
        <translation>
            <numerusform>Ещё %n — без согласия.</numerusform>
            <numerusform>Ещё %n — без согласия.</numerusform>
            <numerusform>Ещё %n — без согласия.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vc::ui::CampaignFilePage</name>
    <message>
        <source>Open a List of Numbers</source>
        <translation>Открыть список номеров</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Файлы CSV (*.csv *.txt);;Все файлы (*)</translation>
    </message>
    <message>
        <source>The list of numbers</source>
        <translation>Список номеров</translation>
    </message>
    <message>
        <source>Open or drop a CSV file. Check that it reads as it should, and which column holds the numbers.</source>
        <translation>Откройте или перетащите файл CSV. Проверьте, что он читается правильно и в каком столбце номера.</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Файл:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>&amp;Кодировка:</translation>
    </message>
    <message>
        <source>&amp;Separator:</source>
        <translation>&amp;Разделитель:</translation>
    </message>
    <message>
        <source>First row is a &amp;header</source>
        <translation>Первая строка — &amp;заголовки</translation>
    </message>
    <message>
        <source>&amp;Number column:</source>
        <translation>Столбец &amp;номера:</translation>
    </message>
    <message>
        <source>Se&amp;rvice id column:</source>
        <translation>Столбец &amp;услуги:</translation>
    </message>
    <message>
        <source>Audio file id co&amp;lumn:</source>
        <translation>Столбец &amp;аудиофайла:</translation>
    </message>
    <message>
        <source>&amp;Time zone column:</source>
        <translation>Столбец &amp;часового пояса:</translation>
    </message>
    <message>
        <source>N&amp;ame column:</source>
        <translation>Столбец &amp;имени:</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Определить</translation>
    </message>
    <message>
        <source>Comma ,</source>
        <translation>Запятая ,</translation>
    </message>
    <message>
        <source>Semicolon ;</source>
        <translation>Точка с запятой ;</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Табуляция</translation>
    </message>
    <message>
        <source>A CSV file: one row per number</source>
        <translation>Файл CSV: одна строка на номер</translation>
    </message>
    <message>
        <source>The first rows as they will be read</source>
        <translation>Первые строки так, как они будут прочитаны</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <source>The file has no rows.</source>
        <translation>В файле нет строк.</translation>
    </message>
    <message>
        <source>Read as %1%2, separator “%3”; %4.</source>
        <translation>Читается как %1%2, разделитель «%3»; %4.</translation>
    </message>
    <message>
        <source> with BOM</source>
        <translation> с BOM</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>табуляция</translation>
    </message>
    <message>
        <source>the first row is a header</source>
        <translation>первая строка — заголовки</translation>
    </message>
    <message>
        <source>no header row</source>
        <translation>без строки заголовков</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Столбец %1</translation>
    </message>
    <message>
        <source>%1 (column %2)</source>
        <translation>%1 (столбец %2)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>C&amp;onsent column:</source>
        <translation>Столбец со&amp;гласия:</translation>
    </message>
</context>
<context>
    <name>vc::ui::CampaignListModel</name>
    <message>
        <source>Cannot be read</source>
        <translation>Не читается</translation>
    </message>
    <message>
        <source>Running in another program</source>
        <translation>Идёт в другой программе</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Предпросмотр</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Завершена</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменена</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Прервана</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <source>%1 delivered, %2 not, %3 rejected, %4 unknown</source>
        <translation>доставлено %1, нет %2, отклонено %3, неизвестно %4</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Кампания</translation>
    </message>
    <message>
        <source>Provider and profile</source>
        <translation>Провайдер и профиль</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Итоги</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создана</translation>
    </message>
</context>
<context>
    <name>vc::ui::CampaignRowsModel</name>
    <message>
        <source>ready</source>
        <translation>готова</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>повтор</translation>
    </message>
    <message>
        <source>do not call</source>
        <translation>не звонить</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>ждёт</translation>
    </message>
    <message>
        <source>calling</source>
        <translation>звоним</translation>
    </message>
    <message>
        <source>placed</source>
        <translation>звонок идёт</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>отклонён</translation>
    </message>
    <message>
        <source>outcome unknown</source>
        <translation>результат неизвестен</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>завис</translation>
    </message>
    <message>
        <source>duplicate of line %1</source>
        <translation>повтор строки %1</translation>
    </message>
    <message>
        <source>waits until %1</source>
        <translation>ждёт до %1</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Number in the file</source>
        <translation>Номер в файле</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Call id</source>
        <translation>ID вызова</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Попыток</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>over a cap</source>
        <translation>сверх лимита</translation>
    </message>
    <message>
        <source>no consent</source>
        <translation>нет согласия</translation>
    </message>
</context>
<context>
    <name>vc::ui::CampaignSettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>What to send, from which number, how fast and when. Times are the recipient&apos;s local time.</source>
        <translation>Что отправить, с какого номера, как быстро и когда. Время — местное время получателя.</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Услуга:</translation>
    </message>
    <message>
        <source>Audio &amp;file id:</source>
        <translation>ID &amp;аудиофайла:</translation>
    </message>
    <message>
        <source>&amp;Caller number:</source>
        <translation>&amp;Номер отправителя:</translation>
    </message>
    <message>
        <source>&amp;Calls per second:</source>
        <translation>Звонков в се&amp;кунду:</translation>
    </message>
    <message>
        <source>at most &amp;at once:</source>
        <translation>не более &amp;одновременно:</translation>
    </message>
    <message>
        <source>Call only &amp;between</source>
        <translation>Звонить только &amp;с</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Часовой пояс:</translation>
    </message>
    <message>
        <source>This computer&apos;s zone (%1)</source>
        <translation>Пояс этого компьютера (%1)</translation>
    </message>
    <message>
        <source> more time(s)</source>
        <translation> раз(а)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>after</source>
        <translation>через</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>Do not call:</source>
        <translation>Не звонить:</translation>
    </message>
    <message>
        <source>e.g. +7 495 123-45-67</source>
        <translation>например, +7 495 123-45-67</translation>
    </message>
    <message>
        <source>The id of an uploaded audio file</source>
        <translation>ID загруженного аудиофайла</translation>
    </message>
    <message>
        <source>Minutes between calls to the same number</source>
        <translation>Минут между звонками на один номер</translation>
    </message>
    <message>
        <source>Optional: rows name their own service</source>
        <translation>Необязательно: строки указывают свою услугу</translation>
    </message>
    <message>
        <source>Type to search the services</source>
        <translation>Начните вводить, чтобы найти услугу</translation>
    </message>
    <message>
        <source>The services could not be loaded: %1</source>
        <translation>Не удалось загрузить услуги: %1</translation>
    </message>
    <message>
        <source>Calls come from %1</source>
        <translation>Звонки пойдут с номера %1</translation>
    </message>
    <message>
        <source>Rows with their own time zone use it; this zone is for the others.</source>
        <translation>Строки со своим часовым поясом используют его; этот пояс — для остальных.</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) on the shared do-not-call list (Tools → Do-Not-Call List…): rows with them are found on the next page and never called.</source>
        <translation>
            <numerusform>%n номер в общем списке «не звонить» (Сервис → Список «не звонить»…): строки с ними найдутся на следующей странице, по ним не звонят.</numerusform>
            <numerusform>%n номера в общем списке «не звонить» (Сервис → Список «не звонить»…): строки с ними найдутся на следующей странице, по ним не звонят.</numerusform>
            <numerusform>%n номеров в общем списке «не звонить» (Сервис → Список «не звонить»…): строки с ними найдутся на следующей странице, по ним не звонят.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rows without a file_id of their own will be invalid on the next page.</source>
        <translation>Строки без своего file_id на следующей странице будут ошибочными.</translation>
    </message>
    <message>
        <source>Rows without a service_id of their own will be invalid on the next page.</source>
        <translation>Строки без своего service_id на следующей странице будут ошибочными.</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>Назна&amp;чение:</translation>
    </message>
    <message>
        <source>S&amp;tart at</source>
        <translation>Нача&amp;ть в</translation>
    </message>
    <message>
        <source>Scheduled start, this computer&apos;s time</source>
        <translation>Запланированный старт, время этого компьютера</translation>
    </message>
    <message>
        <source>working days; weekends and &amp;holidays</source>
        <translation>в рабочие дни; в выходные и &amp;праздники</translation>
    </message>
    <message>
        <source>Sending window start, working days</source>
        <translation>Начало окна отправки, рабочие дни</translation>
    </message>
    <message>
        <source>Sending window end, working days</source>
        <translation>Конец окна отправки, рабочие дни</translation>
    </message>
    <message>
        <source>Sending window start, weekends and holidays</source>
        <translation>Начало окна отправки, выходные и праздники</translation>
    </message>
    <message>
        <source>Sending window end, weekends and holidays</source>
        <translation>Конец окна отправки, выходные и праздники</translation>
    </message>
    <message>
        <source>Call again when &amp;not reached:</source>
        <translation>Перезвонить, если не &amp;дозвонились:</translation>
    </message>
    <message>
        <source>Call &amp;busy numbers again:</source>
        <translation>Перезвонить при &amp;занятости:</translation>
    </message>
    <message>
        <source>Call &amp;unanswered numbers again:</source>
        <translation>Перезвонить, если н&amp;е ответили:</translation>
    </message>
    <message>
        <source>Minutes before calling a busy number again</source>
        <translation>Минут до повторного звонка на занятый номер</translation>
    </message>
    <message>
        <source>Minutes before calling an unanswered number again</source>
        <translation>Минут до повторного звонка на номер, который не ответил</translation>
    </message>
</context>
<context>
    <name>vc::ui::CampaignWizard</name>
    <message>
        <source>New Campaign</source>
        <translation>Новая кампания</translation>
    </message>
    <message>
        <source>The campaign could not be started: %1. Nothing was called.</source>
        <translation>Кампанию не удалось запустить: %1. Никому не звонили.</translation>
    </message>
</context>
<context>
    <name>vc::ui::CampaignsPage</name>
    <message>
        <source>&amp;New Campaign…</source>
        <translation>&amp;Новая кампания…</translation>
    </message>
    <message>
        <source>Call a list of numbers from a CSV file</source>
        <translation>Обзвонить список номеров из файла CSV</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Пауза</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Продолжить</translation>
    </message>
    <message>
        <source>&amp;Cancel Campaign</source>
        <translation>&amp;Отменить кампанию</translation>
    </message>
    <message>
        <source>Resend &amp;Unknown…</source>
        <translation>Повторить &amp;неизвестные…</translation>
    </message>
    <message>
        <source>Call again the rows whose outcome is unknown (they may have been called)</source>
        <translation>Снова позвонить по строкам с неизвестным результатом (звонок мог уже быть)</translation>
    </message>
    <message>
        <source>&amp;Export Report…</source>
        <translation>&amp;Экспорт отчёта…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <source>&amp;Do-Not-Call List…</source>
        <translation>Список «&amp;не звонить»…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Строки</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Отчёт</translation>
    </message>
    <message>
        <source>Search by number</source>
        <translation>Поиск по номеру</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>Все строки</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Ожидают</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Звонки совершены</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонены</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation>Результат неизвестен</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>С ошибкой</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Повторы</translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation>Не звонить</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Кампании</translation>
    </message>
    <message>
        <source>Rows of the campaign</source>
        <translation>Строки кампании</translation>
    </message>
    <message>
        <source>Show rows</source>
        <translation>Показать строки</translation>
    </message>
    <message>
        <source>Campaign progress</source>
        <translation>Ход кампании</translation>
    </message>
    <message>
        <source>Campaign details</source>
        <translation>Сведения о кампании</translation>
    </message>
    <message>
        <source>No campaigns yet</source>
        <translation>Кампаний пока нет</translation>
    </message>
    <message>
        <source>A campaign calls every number of a CSV file with one voice message, inside the sending window you choose, never twice and never a number on the do-not-call list. Start one with New Campaign…</source>
        <translation>Кампания звонит на каждый номер из файла CSV с одним голосовым сообщением, в выбранное окно отправки, никому дважды и никогда по номерам из списка «не звонить». Начните с «Новая кампания…».</translation>
    </message>
    <message>
        <source>Waiting for the sending window: the next call at %1 (in %2).</source>
        <translation>Ждёт окна отправки: следующий звонок в %1 (через %2).</translation>
    </message>
    <message>
        <source>Paused by the service&apos;s rate limit (HTTP 429): going on in %1.</source>
        <translation>Пауза из-за ограничения частоты сервиса (HTTP 429): продолжение через %1.</translation>
    </message>
    <message>
        <source>Stopped: the network failed. Nothing more was called; retry when the connection is back.
%1</source>
        <translation>Остановлена: сбой сети. Больше звонков не было; повторите, когда связь восстановится.
%1</translation>
    </message>
    <message numerus="yes">
        <source>Interrupted: resume it to call the %n row(s) still waiting.</source>
        <translation>
            <numerusform>Прервана: продолжите её, чтобы позвонить по %n ожидающей строке.</numerusform>
            <numerusform>Прервана: продолжите её, чтобы позвонить по %n ожидающим строкам.</numerusform>
            <numerusform>Прервана: продолжите её, чтобы позвонить по %n ожидающим строкам.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have an unknown outcome: they may have been called and are never sent again unless you choose Resend Unknown…</source>
        <translation>
            <numerusform>У %n строки результат неизвестен: звонок мог состояться, и без «Повторить неизвестные…» она не отправляется.</numerusform>
            <numerusform>У %n строк результат неизвестен: звонки могли состояться, и без «Повторить неизвестные…» они не отправляются.</numerusform>
            <numerusform>У %n строк результат неизвестен: звонки могли состояться, и без «Повторить неизвестные…» они не отправляются.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 called (%p%)</source>
        <translation>%1 из %2 (%p%)</translation>
    </message>
    <message>
        <source>Rows %1: ready %2, invalid %3, duplicate %4, do not call %5. Delivered %6, not delivered %7, in progress %8, rejected %9, unknown %10, waiting %11.</source>
        <translation>Строк %1: готово %2, с ошибкой %3, повторов %4, «не звонить» %5. Доставлено %6, не доставлено %7, идут %8, отклонено %9, неизвестно %10, ожидают %11.</translation>
    </message>
    <message>
        <source>About %1 left at %2 call(s) per second.</source>
        <translation>Осталось около %1 при %2 звонк. в секунду.</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Итоги</translation>
    </message>
    <message>
        <source>Delivered calls per hour</source>
        <translation>Доставленные звонки по часам</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>доставлено</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>отклонён</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>ждёт</translation>
    </message>
    <message>
        <source>Answered calls: %1, lasting %2 on average (the longest %3).</source>
        <translation>Отвеченных звонков: %1, в среднем по %2 (самый долгий %3).</translation>
    </message>
    <message>
        <source>No answered call yet.</source>
        <translation>Отвеченных звонков пока нет.</translation>
    </message>
    <message>
        <source>This campaign was started with the profile &quot;%1&quot;: switch to it to go on.</source>
        <translation>Эта кампания запущена с профилем «%1»: переключитесь на него, чтобы продолжить.</translation>
    </message>
    <message>
        <source>%1 delivered, %2 not delivered, %3 rejected, %4 unknown.</source>
        <translation>Доставлено %1, не доставлено %2, отклонено %3, неизвестно %4.</translation>
    </message>
    <message>
        <source>Cancel Campaign</source>
        <translation>Отмена кампании</translation>
    </message>
    <message>
        <source>Cancel the campaign &quot;%1&quot;? No more calls are placed; calls under way end normally. A cancelled campaign cannot be resumed.</source>
        <translation>Отменить кампанию «%1»? Новых звонков не будет; идущие звонки завершатся как обычно. Отменённую кампанию нельзя продолжить.</translation>
    </message>
    <message>
        <source>Resend Unknown</source>
        <translation>Повтор неизвестных</translation>
    </message>
    <message numerus="yes">
        <source>Call again %n row(s) whose outcome is unknown?</source>
        <translation>
            <numerusform>Снова позвонить по %n строке с неизвестным результатом?</numerusform>
            <numerusform>Снова позвонить по %n строкам с неизвестным результатом?</numerusform>
            <numerusform>Снова позвонить по %n строкам с неизвестным результатом?</numerusform>
        </translation>
    </message>
    <message>
        <source>Each of these calls may already have been placed: the request reached the service and no answer came back. Sending again may call these people twice.</source>
        <translation>Каждый из этих звонков мог уже состояться: запрос дошёл до сервиса, но ответа не было. Повторная отправка может позвонить людям дважды.</translation>
    </message>
    <message>
        <source>Call Them Again</source>
        <translation>Позвонить снова</translation>
    </message>
    <message>
        <source>Export Campaign Report</source>
        <translation>Экспорт отчёта кампании</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>The report could not be exported: %1</source>
        <translation>Не удалось экспортировать отчёт: %1</translation>
    </message>
    <message>
        <source>Report exported to %1</source>
        <translation>Отчёт сохранён в %1</translation>
    </message>
    <message>
        <source>Remove Campaign</source>
        <translation>Удаление кампании</translation>
    </message>
    <message>
        <source>Remove the campaign &quot;%1&quot; and its journal %2? The calls stay in the call history, but this campaign&apos;s record of who was called is lost.</source>
        <translation>Удалить кампанию «%1» и её журнал %2? Звонки останутся в истории вызовов, но запись кампании о том, кому звонили, будет потеряна.</translation>
    </message>
    <message>
        <source>Choose a profile first: a campaign calls with its account.</source>
        <translation>Сначала выберите профиль: кампания звонит с его аккаунта.</translation>
    </message>
    <message>
        <source>This campaign was never confirmed, so it is not started from here: create it again with New Campaign… (and remove this one).</source>
        <translation>Эта кампания не была подтверждена, поэтому отсюда она не запускается: создайте её заново через «Новая кампания…» (а эту удалите).</translation>
    </message>
    <message>
        <source>This campaign was started by voicectl against %1, not the address of the profile in use: go on with &quot;voicectl campaign resume %2&quot;.</source>
        <translation>Эту кампанию запустил voicectl с адресом %1, а не с адресом текущего профиля: продолжайте через «voicectl campaign resume %2».</translation>
    </message>
    <message>
        <source>Campaign actions</source>
        <translation>Действия с кампаниями</translation>
    </message>
    <message>
        <source>More campaign actions</source>
        <translation>Другие действия с кампаниями</translation>
    </message>
    <message>
        <source>Over a contact cap</source>
        <translation>Сверх лимита контактов</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) over the contact policy&apos;s caps when checked: not called.</source>
        <translation>
            <numerusform>%n строка при проверке была сверх лимитов политики контактов: не звоним.</numerusform>
            <numerusform>%n строки при проверке были сверх лимитов политики контактов: не звоним.</numerusform>
            <numerusform>%n строк при проверке были сверх лимитов политики контактов: не звоним.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export &amp;Attempts…</source>
        <translation>Экспорт &amp;попыток…</translation>
    </message>
    <message>
        <source>One row per call placed, re-dials included</source>
        <translation>По строке на каждый звонок, включая повторные</translation>
    </message>
    <message>
        <source>Export Campaign Attempts</source>
        <translation>Экспорт попыток кампании</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>Без согласия</translation>
    </message>
    <message>
        <source>Scheduled: the first call at %1 (in %2). Nothing is called before.</source>
        <translation>Запланирована: первый звонок в %1 (через %2). До этого никому не звонят.</translation>
    </message>
    <message>
        <source>Scheduled for %1 (in %2): resume it on this computer to call then.</source>
        <translation>Запланирована на %1 (через %2): возобновите её на этом компьютере, чтобы звонки начались в это время.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) without the consent the contact policy requires: not called.</source>
        <translation>
            <numerusform>%n строка без согласия, которого требует политика контактов: не звоним.</numerusform>
            <numerusform>%n строки без согласия, которого требует политика контактов: не звоним.</numerusform>
            <numerusform>%n строк без согласия, которого требует политика контактов: не звоним.</numerusform>
        </translation>
    </message>
    <message>
        <source>Res&amp;olve Unknown…</source>
        <translation>Вы&amp;яснить неизвестные…</translation>
    </message>
    <message>
        <source>Ask Exolve&apos;s call history whether the calls whose outcome is unknown were placed</source>
        <translation>Спросить историю звонков Exolve, состоялись ли звонки с неизвестным исходом</translation>
    </message>
    <message>
        <source>Paused: the team store unreachable since %1. No call is placed without its cap check; the campaign goes on by itself when the server answers.
%2</source>
        <translation>Приостановлена: общее хранилище недоступно с %1. Без проверки лимитов в нём звонки не совершаются; кампания продолжится сама, когда сервер ответит.
%2</translation>
    </message>
    <message>
        <source>Not started here: it is %1. It can be resumed here once it stops there, or once that computer has been silent for a while (its lease ends with its connection).</source>
        <translation>Здесь не запущена: она %1. Её можно продолжить здесь, когда она остановится там или когда тот компьютер какое-то время молчит (аренда заканчивается вместе с его соединением).</translation>
    </message>
</context>
<context>
    <name>vc::ui::CompareDialog</name>
    <message>
        <source>%1 could not be read.</source>
        <translation>Не удалось прочитать %1.</translation>
    </message>
    <message>
        <source>integrationapi.net has no call history to compare with: switch to an Exolve profile.</source>
        <translation>У integrationapi.net нет истории звонков для сверки: переключитесь на профиль Exolve.</translation>
    </message>
    <message>
        <source>The end of the period must come after its start.</source>
        <translation>Конец периода должен быть позже начала.</translation>
    </message>
    <message>
        <source>Asking Exolve about %1 of %2 number(s)…</source>
        <translation>Спрашиваем Exolve: номер %1 из %2…</translation>
    </message>
    <message>
        <source>Exolve&apos;s call history could not be read: %1</source>
        <translation>Историю звонков Exolve не удалось прочитать: %1</translation>
    </message>
    <message>
        <source>The comparison could not be kept: %1</source>
        <translation>Сверку не удалось сохранить: %1</translation>
    </message>
    <message>
        <source>only here</source>
        <translation>только здесь</translation>
    </message>
    <message>
        <source>only at Exolve</source>
        <translation>только в Exolve</translation>
    </message>
    <message>
        <source>durations differ</source>
        <translation>длительность различается</translation>
    </message>
    <message>
        <source>in both</source>
        <translation>в обоих</translation>
    </message>
    <message>
        <source>%1 to %2: in both %3 (durations differ: %4), only here %5, only at Exolve %6.</source>
        <translation>С %1 по %2: в обоих %3 (с разной длительностью: %4), только здесь %5, только в Exolve %6.</translation>
    </message>
    <message>
        <source>(choose one)</source>
        <translation>(выберите)</translation>
    </message>
    <message>
        <source>Export the Comparison</source>
        <translation>Экспорт сверки</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>The comparison could not be exported: %1</source>
        <translation>Сверку не удалось экспортировать: %1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Экспортировано в %1</translation>
    </message>
    <message>
        <source>Compare with Exolve</source>
        <translation>Сверка с Exolve</translation>
    </message>
    <message>
        <source>The calls this computer placed through Exolve in the period (the app, campaigns and voicectl) beside Exolve&apos;s own call history. Exolve is asked about each number called from here: calls to other numbers are not seen.</source>
        <translation>Звонки, сделанные с этого компьютера через Exolve за период (приложение, кампании и voicectl), рядом с историей звонков самого Exolve. Exolve спрашивают о каждом номере, на который звонили отсюда: звонки на другие номера не видны.</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;С:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;По:</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>С&amp;верить</translation>
    </message>
    <message>
        <source>&amp;Earlier:</source>
        <translation>&amp;Ранее:</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Показать:</translation>
    </message>
    <message>
        <source>All calls</source>
        <translation>Все звонки</translation>
    </message>
    <message>
        <source>In both</source>
        <translation>В обоих</translation>
    </message>
    <message>
        <source>Durations differ</source>
        <translation>Разная длительность</translation>
    </message>
    <message>
        <source>Only here</source>
        <translation>Только здесь</translation>
    </message>
    <message>
        <source>Only at Exolve</source>
        <translation>Только в Exolve</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Call id here</source>
        <translation>Идентификатор здесь</translation>
    </message>
    <message>
        <source>Call id at Exolve</source>
        <translation>Идентификатор в Exolve</translation>
    </message>
    <message>
        <source>Seconds here</source>
        <translation>Секунд здесь</translation>
    </message>
    <message>
        <source>Seconds at Exolve</source>
        <translation>Секунд в Exolve</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Кампания</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>&amp;Экспорт CSV…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Period start</source>
        <translation>Начало периода</translation>
    </message>
    <message>
        <source>Period end</source>
        <translation>Конец периода</translation>
    </message>
    <message>
        <source>Earlier comparisons</source>
        <translation>Прежние сверки</translation>
    </message>
    <message>
        <source>Show calls</source>
        <translation>Показать звонки</translation>
    </message>
    <message>
        <source>Calls compared</source>
        <translation>Сверенные звонки</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Сверить</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Экспорт CSV</translation>
    </message>
</context>
<context>
    <name>vc::ui::ContactPolicyDialog</name>
    <message>
        <source>A new campaign calls %1 (its window), unless you set another in it.</source>
        <translation>Новая кампания звонит %1 (её окно), если в ней не задано другое.</translation>
    </message>
    <message>
        <source>Import a Holiday Calendar</source>
        <translation>Импорт календаря праздников</translation>
    </message>
    <message>
        <source>Calendars (*.txt *.ics);;All files (*)</source>
        <translation>Календари (*.txt *.ics);;Все файлы (*)</translation>
    </message>
    <message>
        <source>%1 was not imported: %2</source>
        <translation>%1 не импортирован: %2</translation>
    </message>
    <message>
        <source>Imported: the calendar now covers %1.</source>
        <translation>Импортировано: теперь календарь охватывает %1.</translation>
    </message>
    <message>
        <source>The settings file cannot be written: %1</source>
        <translation>Не удаётся записать файл настроек: %1</translation>
    </message>
    <message>
        <source>Contact Policy</source>
        <translation>Политика контактов</translation>
    </message>
    <message>
        <source>How often one person may be called, and when, for every campaign and every single send from this computer. Days, weeks and months are the recipient&apos;s own. Calls placed are counted, an unknown outcome included.</source>
        <translation>Как часто и когда можно звонить одному человеку — для всех кампаний и всех отдельных отправок с этого компьютера. Дни, недели и месяцы считаются по времени получателя. Считаются сделанные звонки, включая звонки с неизвестным результатом.</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>&amp;Шаблон:</translation>
    </message>
    <message>
        <source>&amp;At most per number:</source>
        <translation>&amp;Не более на номер:</translation>
    </message>
    <message>
        <source> a day</source>
        <translation> в день</translation>
    </message>
    <message>
        <source> a week</source>
        <translation> в неделю</translation>
    </message>
    <message>
        <source> a month</source>
        <translation> в месяц</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>без ограничения</translation>
    </message>
    <message>
        <source>&amp;Working days:</source>
        <translation>&amp;Рабочие дни:</translation>
    </message>
    <message>
        <source>&amp;Weekends and holidays:</source>
        <translation>&amp;Выходные и праздники:</translation>
    </message>
    <message>
        <source>&amp;Import Calendar…</source>
        <translation>&amp;Импорт календаря…</translation>
    </message>
    <message>
        <source>Holiday calendar: the Russian production calendar is built in; this computer&apos;s calendar covers %1. Import another (one date per line, or iCalendar) for other countries or years.</source>
        <translation>Календарь праздников: встроен производственный календарь России; календарь этого компьютера охватывает %1. Для других стран или лет импортируйте другой (одна дата в строке или iCalendar).</translation>
    </message>
    <message>
        <source>no year</source>
        <translation>ни одного года</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <source>At most calls a day to one number</source>
        <translation>Не более звонков на один номер в день</translation>
    </message>
    <message>
        <source>At most calls a week to one number</source>
        <translation>Не более звонков на один номер в неделю</translation>
    </message>
    <message>
        <source>At most calls a month to one number</source>
        <translation>Не более звонков на один номер в месяц</translation>
    </message>
    <message>
        <source>Hours on working days</source>
        <translation>Часы в рабочие дни</translation>
    </message>
    <message>
        <source>Hours on weekends and holidays</source>
        <translation>Часы в выходные и праздники</translation>
    </message>
    <message>
        <source>Working days: from</source>
        <translation>Рабочие дни: с</translation>
    </message>
    <message>
        <source>Working days: until</source>
        <translation>Рабочие дни: до</translation>
    </message>
    <message>
        <source>Weekends and holidays: from</source>
        <translation>Выходные и праздники: с</translation>
    </message>
    <message>
        <source>Weekends and holidays: until</source>
        <translation>Выходные и праздники: до</translation>
    </message>
    <message>
        <source>Import Calendar</source>
        <translation>Импорт календаря</translation>
    </message>
    <message>
        <source>Require &amp;consent: campaign rows without a date or source in the consent column are not called</source>
        <translation>Требовать &amp;согласие: строкам кампании без даты или источника в столбце согласия не звонить</translation>
    </message>
    <message>
        <source>Campaign rows need consent</source>
        <translation>Для строк кампании нужно согласие</translation>
    </message>
    <message>
        <source>Reading the team&apos;s policy from %1…</source>
        <translation>Чтение политики команды из %1…</translation>
    </message>
    <message>
        <source>The team&apos;s policy cannot be read, so it cannot be changed now: %1</source>
        <translation>Политику команды не удаётся прочитать, поэтому сейчас её не изменить: %1</translation>
    </message>
    <message>
        <source>The team&apos;s policy was not saved: %1</source>
        <translation>Политика команды не сохранена: %1</translation>
    </message>
    <message>
        <source>How often one person may be called, and when, for every campaign and every single send of every operator of the team (the team store %1). Days, weeks and months are the recipient&apos;s own. Calls placed are counted, an unknown outcome included.</source>
        <translation>Как часто и когда можно звонить одному человеку — для каждой кампании и каждого отдельного звонка всех операторов команды (общее хранилище %1). Дни, недели и месяцы — по времени получателя. Учитываются совершённые звонки, включая звонки с неизвестным исходом.</translation>
    </message>
</context>
<context>
    <name>vc::ui::DoNotCallDialog</name>
    <message>
        <source>Do-Not-Call List</source>
        <translation>Список «не звонить»</translation>
    </message>
    <message>
        <source>A number to add, in any notation</source>
        <translation>Номер для добавления, в любой записи</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Импорт…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <source>Number to add</source>
        <translation>Номер для добавления</translation>
    </message>
    <message>
        <source>Search the list</source>
        <translation>Поиск по списку</translation>
    </message>
    <message>
        <source>Numbers never called</source>
        <translation>Номера, на которые не звонят</translation>
    </message>
    <message numerus="yes">
        <source>Campaigns never call these %n number(s), here and in voicectl. The list is kept in %1.</source>
        <translation>
            <numerusform>Кампании никогда не звонят на этот %n номер — здесь и в voicectl. Список хранится в %1.</numerusform>
            <numerusform>Кампании никогда не звонят на эти %n номера — здесь и в voicectl. Список хранится в %1.</numerusform>
            <numerusform>Кампании никогда не звонят на эти %n номеров — здесь и в voicectl. Список хранится в %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Will be kept as %1</source>
        <translation>Будет сохранён как %1</translation>
    </message>
    <message>
        <source>Remove Numbers</source>
        <translation>Удаление номеров</translation>
    </message>
    <message>
        <source>Import Numbers</source>
        <translation>Импорт номеров</translation>
    </message>
    <message>
        <source>CSV or text files (*.csv *.txt);;All files (*)</source>
        <translation>Файлы CSV или текст (*.csv *.txt);;Все файлы (*)</translation>
    </message>
    <message numerus="yes">
        <source>Added %1; %n line(s) were not phone numbers and were skipped.</source>
        <translation>
            <numerusform>Добавлено: %1; %n строка не была номером и пропущена.</numerusform>
            <numerusform>Добавлено: %1; %n строки не были номерами и пропущены.</numerusform>
            <numerusform>Добавлено: %1; %n строк не были номерами и пропущены.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Numbers</source>
        <translation>Экспорт номеров</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Текстовые файлы (*.txt)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Не удаётся записать %1: %2</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;История…</translation>
    </message>
    <message>
        <source>Why the number is added</source>
        <translation>Почему номер добавляется</translation>
    </message>
    <message>
        <source>History of the list</source>
        <translation>История списка</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n number(s) from the do-not-call list? Campaigns may call them again.

Why (kept in the list&apos;s history):</source>
        <translation>
            <numerusform>Исключить %n номер из списка «не звонить»? Кампании снова смогут на него звонить.

Почему (сохранится в истории списка):</numerusform>
            <numerusform>Исключить %n номера из списка «не звонить»? Кампании снова смогут на них звонить.

Почему (сохранится в истории списка):</numerusform>
            <numerusform>Исключить %n номеров из списка «не звонить»? Кампании снова смогут на них звонить.

Почему (сохранится в истории списка):</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was removed: give the reason.</source>
        <translation>Ничего не исключено: укажите причину.</translation>
    </message>
    <message>
        <source>Do-Not-Call List: History</source>
        <translation>Список «не звонить»: история</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Every change to the do-not-call list, oldest first</source>
        <translation>Все изменения списка «не звонить», от старых к новым</translation>
    </message>
    <message>
        <source>added</source>
        <translation>добавлен</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>исключён</translation>
    </message>
    <message>
        <source>The history is only ever added to: neither the app nor voicectl can change it.</source>
        <translation>История только пополняется: ни приложение, ни voicectl не могут её изменить.</translation>
    </message>
</context>
<context>
    <name>vc::ui::LegacySendPage</name>
    <message>
        <source>Sending…</source>
        <translation>Отправка…</translation>
    </message>
    <message>
        <source>Send…</source>
        <translation>Отправить…</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>С %1</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>на %1</translation>
    </message>
    <message>
        <source>sent as %1 (UTC+3)</source>
        <translation>будет отправлено как %1 (UTC+3)</translation>
    </message>
    <message>
        <source>Send voice message</source>
        <translation>Отправка голосового сообщения</translation>
    </message>
    <message>
        <source>Call %1 from %2 with audio file %3?</source>
        <translation>Позвонить на %1 с номера %2 с аудиофайлом %3?</translation>
    </message>
    <message>
        <source>Scheduled for %1 your time.</source>
        <translation>Запланировано на %1 по вашему времени.</translation>
    </message>
    <message>
        <source>This is the sandbox: no real call is made.</source>
        <translation>Это песочница: реальный звонок не совершается.</translation>
    </message>
    <message>
        <source>The call is placed now and charged by the provider.</source>
        <translation>Звонок будет совершён сейчас и тарифицирован провайдером.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>Accepted as message %1. It is followed on the Calls page.</source>
        <translation>Принято как сообщение %1. Оно отслеживается на странице «Вызовы».</translation>
    </message>
    <message>
        <source>Outcome unknown: the message to %1 may have been sent. It was recorded in the history as &quot;outcome unknown&quot; and was not sent again.</source>
        <translation>Результат неизвестен: сообщение на %1 могло быть отправлено. Оно записано в историю как «результат неизвестен» и повторно не отправлялось.</translation>
    </message>
    <message>
        <source>Scheduled time (your local time)</source>
        <translation>Время отправки (ваше местное время)</translation>
    </message>
</context>
<context>
    <name>vc::ui::MainWindow</name>
    <message numerus="yes">
        <source>● %n request(s) in progress</source>
        <translation>
            <numerusform>● выполняется %n запрос</numerusform>
            <numerusform>● выполняется %n запроса</numerusform>
            <numerusform>● выполняется %n запросов</numerusform>
        </translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Нет запросов</translation>
    </message>
    <message>
        <source>Edit Profiles…</source>
        <translation>Изменить профили…</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Услуги</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправка</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Вызовы</translation>
    </message>
    <message>
        <source>SIP</source>
        <translation>SIP</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;Services</source>
        <translation>&amp;Услуги</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Profiles…</source>
        <translation>&amp;Профили…</translation>
    </message>
    <message>
        <source>Add, edit or switch profiles</source>
        <translation>Добавить, изменить или сменить профиль</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;About Voice Console</source>
        <translation>&amp;О программе Voice Console</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Основная панель</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Профиль:</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>%1 (no real calls)</source>
        <translation>%1 (без реальных звонков)</translation>
    </message>
    <message>
        <source>Voice Console</source>
        <translation>Voice Console</translation>
    </message>
    <message>
        <source>No profile</source>
        <translation>Профиль не выбран</translation>
    </message>
    <message>
        <source>Sandbox: no real calls are made</source>
        <translation>Песочница: реальные звонки не совершаются</translation>
    </message>
    <message>
        <source>You are working in the built-in sandbox: services and calls are simulated on this computer and nothing costs money.</source>
        <translation>Вы работаете во встроенной песочнице: услуги и вызовы имитируются на этом компьютере, ничего не тарифицируется.</translation>
    </message>
    <message>
        <source>Add a Real Account…</source>
        <translation>Добавить реальный аккаунт…</translation>
    </message>
    <message>
        <source>Voice Console — %1</source>
        <translation>Voice Console — %1</translation>
    </message>
    <message>
        <source>Profile: %1 (key kept for this session only)</source>
        <translation>Профиль: %1 (ключ хранится только до конца сеанса)</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>Профиль: %1</translation>
    </message>
    <message>
        <source>Call %1 placed; it is followed on the Calls page.</source>
        <translation>Вызов %1 отправлен; он отслеживается на странице «Вызовы».</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>Call to %1 ended</source>
        <translation>Вызов на %1 завершён</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Статус: %1</translation>
    </message>
    <message>
        <source>no final status (stale)</source>
        <translation>нет итогового статуса (устарел)</translation>
    </message>
    <message>
        <source>&amp;Notify When a Call Ends</source>
        <translation>&amp;Уведомлять о завершении вызова</translation>
    </message>
    <message>
        <source>Message %1 accepted; it is followed on the Calls page.</source>
        <translation>Сообщение %1 принято; оно отслеживается на странице «Вызовы».</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No services with this provider&lt;/h3&gt;&lt;p&gt;integrationapi.net (2013) sends uploaded audio files directly: there are no voice-message services to manage. Use the Send page.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;У этого провайдера нет услуг&lt;/h3&gt;&lt;p&gt;integrationapi.net (2013) отправляет загруженные аудиофайлы напрямую: управлять услугами голосовых SMS не нужно. Используйте страницу «Отправка».&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No SIP accounts with this provider&lt;/h3&gt;&lt;p&gt;SIP attributes are an Exolve feature; integrationapi.net (2013) has none.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;У этого провайдера нет SIP-аккаунтов&lt;/h3&gt;&lt;p&gt;Атрибуты SIP есть только у Exolve; у integrationapi.net (2013) их нет.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Voice Console — %1 (no real calls)</source>
        <translation>Voice Console — %1 (без реальных звонков)</translation>
    </message>
    <message>
        <source>Balance: …</source>
        <translation>Баланс: …</translation>
    </message>
    <message>
        <source>Balance: %1</source>
        <translation>Баланс: %1</translation>
    </message>
    <message>
        <source>Balance: unavailable</source>
        <translation>Баланс: недоступен</translation>
    </message>
    <message>
        <source>The call history file was damaged and could not be read. It was moved aside as %1 and a new history was started; calls from now on are recorded.</source>
        <translation>Файл истории вызовов повреждён и не читается. Он сохранён как %1, начата новая история; новые вызовы записываются.</translation>
    </message>
    <message>
        <source>The call history could not be opened, so calls are not recorded: %1. Check the data folder %2 and restart Voice Console.</source>
        <translation>Не удалось открыть историю вызовов, поэтому вызовы не записываются: %1. Проверьте папку данных %2 и перезапустите Voice Console.</translation>
    </message>
    <message>
        <source>Call %1 could not be recorded in the history (%2). Note the call id: it is the only record of this call.</source>
        <translation>Вызов %1 не удалось записать в историю (%2). Запишите идентификатор вызова: другой записи о нём нет.</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Страницы</translation>
    </message>
    <message>
        <source>Profile in use</source>
        <translation>Текущий профиль</translation>
    </message>
    <message>
        <source>Campaign %1 finished</source>
        <translation>Кампания %1 завершена</translation>
    </message>
    <message numerus="yes">
        <source>The campaign &quot;%1&quot; stopped before it finished (Voice Console was closed or stopped): %n row(s) still wait.</source>
        <translation>
            <numerusform>Кампания «%1» остановилась, не завершившись (Voice Console была закрыта или остановлена): ждёт %n строка.</numerusform>
            <numerusform>Кампания «%1» остановилась, не завершившись (Voice Console была закрыта или остановлена): ждут %n строки.</numerusform>
            <numerusform>Кампания «%1» остановилась, не завершившись (Voice Console была закрыта или остановлена): ждут %n строк.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) may or may not have been placed: they are listed and are not sent again unless you choose to.</source>
        <translation>
            <numerusform>%n звонок мог состояться или нет: он показан в списке и без вашего решения не повторяется.</numerusform>
            <numerusform>%n звонка могли состояться или нет: они показаны в списке и без вашего решения не повторяются.</numerusform>
            <numerusform>%n звонков могли состояться или нет: они показаны в списке и без вашего решения не повторяются.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more campaign(s) stopped too.</source>
        <translation>
            <numerusform>Ещё %n кампания тоже остановилась.</numerusform>
            <numerusform>Ещё %n кампании тоже остановились.</numerusform>
            <numerusform>Ещё %n кампаний тоже остановились.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show Campaign</source>
        <translation>Показать кампанию</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Кампании</translation>
    </message>
    <message>
        <source>&amp;Campaigns</source>
        <translation>&amp;Кампании</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Инструменты</translation>
    </message>
    <message>
        <source>Campaigns Are Running</source>
        <translation>Идут кампании</translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) are calling now. Quitting stops them: no new call is placed, and a call being requested at this moment gets an unknown outcome. They are offered for resumption next time.</source>
        <translation>
            <numerusform>Сейчас идёт %n кампания. Выход остановит её: новых звонков не будет, а звонок, запрошенный в этот момент, получит неизвестный результат. В следующий раз её предложат продолжить.</numerusform>
            <numerusform>Сейчас идут %n кампании. Выход остановит их: новых звонков не будет, а звонок, запрошенный в этот момент, получит неизвестный результат. В следующий раз их предложат продолжить.</numerusform>
            <numerusform>Сейчас идут %n кампаний. Выход остановит их: новых звонков не будет, а звонок, запрошенный в этот момент, получит неизвестный результат. В следующий раз их предложат продолжить.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop and Quit</source>
        <translation>Остановить и выйти</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>О &amp;Qt</translation>
    </message>
    <message>
        <source>Network &amp;Log</source>
        <translation>&amp;Журнал сети</translation>
    </message>
    <message>
        <source>%1 via proxy %2</source>
        <translation>%1 через прокси %2</translation>
    </message>
    <message>
        <source>The proxy&apos;s user name and password are used from now on. Try again what the proxy refused.</source>
        <translation>Имя пользователя и пароль прокси теперь используются. Повторите то, что прокси отклонил.</translation>
    </message>
    <message>
        <source>Contact &amp;Policy…</source>
        <translation>&amp;Политика контактов…</translation>
    </message>
    <message>
        <source>The campaign &quot;%1&quot; is scheduled for %2: resume it and it calls from then on, while Voice Console runs. Nothing is called before.</source>
        <translation>Кампания «%1» запланирована на %2: возобновите её, и звонки начнутся в это время, пока Voice Console запущена. До этого никому не звонят.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Возобновить</translation>
    </message>
    <message>
        <source>The team store&apos;s address in the settings cannot be read (%1): nothing is called until it is set again in Profiles → Team Store.</source>
        <translation>Адрес общего хранилища в настройках не читается (%1): звонков не будет, пока его снова не зададут в «Профили → Общее хранилище».</translation>
    </message>
    <message>
        <source>The team store&apos;s password could not be read from the keychain: %1. Give it again in Profiles → Team Store; nothing is called until then.</source>
        <translation>Пароль общего хранилища не удалось прочитать из связки ключей: %1. Задайте его снова в «Профили → Общее хранилище»; до тех пор звонков не будет.</translation>
    </message>
    <message>
        <source>&amp;Team Store…</source>
        <translation>&amp;Общее хранилище…</translation>
    </message>
    <message>
        <source>Store: this computer</source>
        <translation>Хранилище: этот компьютер</translation>
    </message>
    <message>
        <source>The do-not-call list, the contact ledger and the policy are this computer&apos;s own (Profiles → Team Store).</source>
        <translation>Список «не звонить», журнал контактов и политика — собственные для этого компьютера (Профили → Общее хранилище).</translation>
    </message>
    <message>
        <source>Team store: %1</source>
        <translation>Общее хранилище: %1</translation>
    </message>
    <message>
        <source>Shared with the team: %1</source>
        <translation>Общее для команды: %1</translation>
    </message>
    <message>
        <source>Team store %1 unreachable since %2</source>
        <translation>Общее хранилище %1 недоступно с %2</translation>
    </message>
    <message>
        <source>No call is placed without the team store&apos;s cap check; campaigns pause and go on when it answers.
%1</source>
        <translation>Без проверки лимитов в общем хранилище звонки не совершаются; кампании приостанавливаются и продолжаются, когда оно отвечает.
%1</translation>
    </message>
</context>
<context>
    <name>vc::ui::MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Предупреждение</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Информация</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>Закрыть сообщение</translation>
    </message>
</context>
<context>
    <name>vc::ui::NetworkLogDock</name>
    <message>
        <source>Answer: %1, %2 ms, attempt %3</source>
        <translation>Ответ: %1, %2 мс, попытка %3</translation>
    </message>
    <message>
        <source>Network Log</source>
        <translation>Журнал сети</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>Копировать как curl</translation>
    </message>
    <message>
        <source>The command uses $VOICE_API_KEY instead of the key</source>
        <translation>В команде вместо ключа стоит $VOICE_API_KEY</translation>
    </message>
    <message>
        <source>Requests of this session</source>
        <translation>Запросы этого сеанса</translation>
    </message>
    <message>
        <source>Headers and bodies of the selected request (secrets masked)</source>
        <translation>Заголовки и тела выбранного запроса (секреты скрыты)</translation>
    </message>
    <message>
        <source>Connection: direct, no proxy</source>
        <translation>Соединение: напрямую, без прокси</translation>
    </message>
    <message>
        <source>Connection: through the proxy %1</source>
        <translation>Соединение: через прокси %1</translation>
    </message>
</context>
<context>
    <name>vc::ui::NetworkLogModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Метод</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Метод API</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Задержка</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Попытка</translation>
    </message>
</context>
<context>
    <name>vc::ui::ProfilesDialog</name>
    <message>
        <source>%1 (no real calls)</source>
        <translation>%1 (без реальных звонков)</translation>
    </message>
    <message>
        <source>built in, on this computer</source>
        <translation>встроенная, на этом компьютере</translation>
    </message>
    <message>
        <source>stored in the system keychain — type to replace</source>
        <translation>хранится в системном хранилище паролей — введите, чтобы заменить</translation>
    </message>
    <message>
        <source>The key is kept only in the system keychain, never in a settings file.</source>
        <translation>Ключ хранится только в системном хранилище паролей и никогда — в файле настроек.</translation>
    </message>
    <message>
        <source>paste the application&apos;s API key</source>
        <translation>вставьте API-ключ приложения</translation>
    </message>
    <message>
        <source>Enter a name for the profile.</source>
        <translation>Введите название профиля.</translation>
    </message>
    <message>
        <source>The API address must use https (plain http only to this computer).</source>
        <translation>Адрес API должен использовать https (обычный http — только к этому компьютеру).</translation>
    </message>
    <message>
        <source>Enter the API key.</source>
        <translation>Введите API-ключ.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Удаление профиля</translation>
    </message>
    <message>
        <source>Remove profile &quot;%1&quot; and its key from the keychain?</source>
        <translation>Удалить профиль «%1» и его ключ из хранилища паролей?</translation>
    </message>
    <message>
        <source>Exolve Voice API</source>
        <translation>Exolve Voice API</translation>
    </message>
    <message>
        <source>Show or hide the key</source>
        <translation>Показать или скрыть ключ</translation>
    </message>
    <message>
        <source>The sandbox simulates the API on this computer. Nothing you do here places a real call or costs money.</source>
        <translation>Песочница имитирует API на этом компьютере. Здесь не совершается ни одного реального звонка и ничего не тарифицируется.</translation>
    </message>
    <message>
        <source>Enter the login.</source>
        <translation>Введите логин.</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Введите пароль.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;ключ:</translation>
    </message>
    <message>
        <source>integrationapi.net (2013)</source>
        <translation>integrationapi.net (2013)</translation>
    </message>
    <message>
        <source>The password is kept only in the system keychain, never in a settings file.</source>
        <translation>Пароль хранится только в системном хранилище паролей и никогда — в файле настроек.</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Профили</translation>
    </message>
    <message>
        <source>Requests go straight to the API (addresses on this computer never use a proxy).</source>
        <translation>Запросы идут прямо к API (адреса на этом компьютере никогда не идут через прокси).</translation>
    </message>
    <message>
        <source>Requests go through %1.</source>
        <translation>Запросы идут через %1.</translation>
    </message>
    <message>
        <source>The system&apos;s settings</source>
        <translation>Настройки системы</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>Без прокси</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Вручную</translation>
    </message>
    <message>
        <source>host:port, e.g. proxy.example.com:3128</source>
        <translation>узел:порт, например proxy.example.com:3128</translation>
    </message>
</context>
<context>
    <name>vc::ui::ProxyCredentialsDialog</name>
    <message>
        <source>Proxy Password</source>
        <translation>Пароль прокси</translation>
    </message>
    <message>
        <source>The proxy server %1 asks for a user name and password before it lets requests through. Nothing was sent. Give them, then try again.</source>
        <translation>Прокси-сервер %1 требует имя пользователя и пароль, прежде чем пропускать запросы. Ничего не отправлено. Укажите их и повторите.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Имя пользователя:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation>&amp;Запомнить в системном хранилище паролей</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Использовать</translation>
    </message>
</context>
<context>
    <name>vc::ui::ResolveUnknownDialog</name>
    <message>
        <source>integrationapi.net has no call history to ask: the outcome of these rows cannot be resolved this way. Check them with the service, then use Resend Unknown… if you must.</source>
        <translation>У integrationapi.net нет истории звонков: исход этих строк так не выяснить. Уточните его у сервиса, а затем при необходимости используйте «Повторить неизвестные…».</translation>
    </message>
    <message>
        <source>asking…</source>
        <translation>спрашиваем…</translation>
    </message>
    <message numerus="yes">
        <source>Asking Exolve&apos;s call history about %n row(s)…</source>
        <translation>
            <numerusform>Спрашиваем историю звонков Exolve о %n строке…</numerusform>
            <numerusform>Спрашиваем историю звонков Exolve о %n строках…</numerusform>
            <numerusform>Спрашиваем историю звонков Exolve о %n строках…</numerusform>
        </translation>
    </message>
    <message>
        <source>placed</source>
        <translation>состоялся</translation>
    </message>
    <message>
        <source>not placed</source>
        <translation>не состоялся</translation>
    </message>
    <message>
        <source>still unknown</source>
        <translation>всё ещё неизвестно</translation>
    </message>
    <message>
        <source>Placed: %1 (followed to their end when the campaign resumes). Not placed: %2 (sent again only if you choose Resend Unknown…). Still unknown: %3.</source>
        <translation>Состоялись: %1 (отслеживаются до конца после возобновления кампании). Не состоялись: %2 (повторно — только если выбрать «Повторить неизвестные…»). Всё ещё неизвестно: %3.</translation>
    </message>
    <message>
        <source>Exolve&apos;s call history could not be read to the end: %1. What was resolved before is kept.</source>
        <translation>Историю звонков Exolve не удалось прочитать до конца: %1. Выясненное до этого сохранено.</translation>
    </message>
    <message>
        <source>Resolve Unknown Outcomes</source>
        <translation>Выяснение неизвестных исходов</translation>
    </message>
    <message>
        <source>These calls of &quot;%1&quot; were requested and no answer came back: each may or may not have rung. Exolve&apos;s own call history is asked about each number around the time of its request. Nothing is sent.</source>
        <translation>Эти звонки кампании «%1» были запрошены, но ответа не пришло: каждый мог состояться, а мог и нет. История звонков самого Exolve спрашивается о каждом номере около времени его запроса. Ничего не отправляется.</translation>
    </message>
    <message>
        <source>&amp;Not placed when still missing after:</source>
        <translation>&amp;Не состоялся, если нет в истории через:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>&amp;Ask Exolve</source>
        <translation>&amp;Спросить Exolve</translation>
    </message>
    <message>
        <source>Ask &amp;automatically before a campaign resumes</source>
        <translation>Спрашивать &amp;автоматически перед возобновлением кампании</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Exolve says</source>
        <translation>Ответ Exolve</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Rows with an unknown outcome</source>
        <translation>Строки с неизвестным исходом</translation>
    </message>
    <message>
        <source>Minutes after the request before a missing call counts as not placed</source>
        <translation>Минут после запроса, после которых отсутствующий звонок считается несостоявшимся</translation>
    </message>
    <message>
        <source>Ask automatically before a campaign resumes</source>
        <translation>Спрашивать автоматически перед возобновлением кампании</translation>
    </message>
    <message>
        <source>Ask Exolve</source>
        <translation>Спросить Exolve</translation>
    </message>
</context>
<context>
    <name>vc::ui::SendPage</name>
    <message>
        <source>caller number, e.g. +7 495 999-99-99</source>
        <translation>номер отправителя, например +7 495 999-99-99</translation>
    </message>
    <message>
        <source>type to search by name or id</source>
        <translation>начните вводить название или id</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Отправка…</translation>
    </message>
    <message>
        <source>Send…</source>
        <translation>Отправить…</translation>
    </message>
    <message>
        <source>Loading services…</source>
        <translation>Загрузка услуг…</translation>
    </message>
    <message>
        <source>The services could not be loaded: %1</source>
        <translation>Не удалось загрузить услуги: %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Will be sent as %1</source>
        <translation>Будет отправлен как %1</translation>
    </message>
    <message>
        <source>There are no services yet: create one on the Services page.</source>
        <translation>Услуг пока нет: создайте услугу на странице «Услуги».</translation>
    </message>
    <message>
        <source>Pick a service from the list.</source>
        <translation>Выберите услугу из списка.</translation>
    </message>
    <message>
        <source>Send voice message</source>
        <translation>Отправка голосового сообщения</translation>
    </message>
    <message>
        <source>Call %1 from %2 with service «%3»?</source>
        <translation>Позвонить на %1 с номера %2 с услугой «%3»?</translation>
    </message>
    <message>
        <source>This is the sandbox: no real call is made.</source>
        <translation>Это песочница: реальный звонок не совершается.</translation>
    </message>
    <message>
        <source>The call is placed now and charged by the provider.</source>
        <translation>Звонок будет совершён сейчас и тарифицирован провайдером.</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Позвонить</translation>
    </message>
    <message>
        <source>Call placed: %1. It is followed on the Calls page.</source>
        <translation>Вызов отправлен: %1. Он отслеживается на странице «Вызовы».</translation>
    </message>
    <message>
        <source>Call to %1 placed.</source>
        <translation>Вызов на %1 отправлен.</translation>
    </message>
    <message>
        <source>Outcome unknown: the call to %1 may have been placed. It was recorded in the history as &quot;outcome unknown&quot; and was not sent again.</source>
        <translation>Результат неизвестен: звонок на %1 мог состояться. Он записан в историю как «результат неизвестен» и повторно не отправлялся.</translation>
    </message>
    <message>
        <source>Reload the services</source>
        <translation>Обновить список услуг</translation>
    </message>
    <message>
        <source>Ask Exolve</source>
        <translation>Спросить Exolve</translation>
    </message>
    <message>
        <source>Asking Exolve&apos;s call history about the call to %1…</source>
        <translation>Спрашиваем историю звонков Exolve о звонке на %1…</translation>
    </message>
    <message>
        <source>Exolve&apos;s call history could not be read: %1</source>
        <translation>Историю звонков Exolve не удалось прочитать: %1</translation>
    </message>
    <message>
        <source>The call to %1 was placed: %2</source>
        <translation>Звонок на %1 состоялся: %2</translation>
    </message>
    <message>
        <source>Exolve has the call to %1: it is followed on the Calls page.</source>
        <translation>В Exolve есть звонок на %1: он отслеживается на странице «Вызовы».</translation>
    </message>
    <message>
        <source>Exolve has no call to %1: it was not placed. Send it again if you wish.</source>
        <translation>В Exolve нет звонка на %1: он не состоялся. Отправьте снова, если нужно.</translation>
    </message>
</context>
<context>
    <name>vc::ui::ServiceEditorDialog</name>
    <message>
        <source>Will be sent as %1</source>
        <translation>Будет отправлен как %1</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Создание…</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
</context>
<context>
    <name>vc::ui::ServiceListModel</name>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создано</translation>
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
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>Reload the service list (F5)</source>
        <translation>Загрузить список услуг заново (F5)</translation>
    </message>
    <message>
        <source>&amp;New Service…</source>
        <translation>&amp;Новая услуга…</translation>
    </message>
    <message>
        <source>Create a voice-message service (Ctrl+N)</source>
        <translation>Создать услугу голосового SMS (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Delete the selected services (Del)</source>
        <translation>Удалить выбранные услуги (Del)</translation>
    </message>
    <message>
        <source>&amp;Copy IDs</source>
        <translation>&amp;Копировать ID</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>&amp;Фильтр</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:large&apos;&gt;No voice-message services yet&lt;/p&gt;&lt;p&gt;&lt;a href=&apos;#new&apos;&gt;Create one&lt;/a&gt; to send voice messages with it.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:large&apos;&gt;Услуг голосового SMS пока нет&lt;/p&gt;&lt;p&gt;&lt;a href=&apos;#new&apos;&gt;Создайте услугу&lt;/a&gt;, чтобы отправлять с ней голосовые сообщения.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Select a service to see its details.</source>
        <translation>Выберите услугу, чтобы увидеть подробности.</translation>
    </message>
    <message>
        <source>Could not load the services: %1</source>
        <translation>Не удалось загрузить услуги: %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>&lt;p&gt;The services could not be loaded.&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Не удалось загрузить услуги.&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n услуга</numerusform>
            <numerusform>%n услуги</numerusform>
            <numerusform>%n услуг</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>показано %1 из %2</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) selected.</source>
        <translation>
            <numerusform>Выбрана %n услуга.</numerusform>
            <numerusform>Выбрано %n услуги.</numerusform>
            <numerusform>Выбрано %n услуг.</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading details…</source>
        <translation>Загрузка подробностей…</translation>
    </message>
    <message>
        <source>Could not load the details: %1</source>
        <translation>Не удалось загрузить подробности: %1</translation>
    </message>
    <message>
        <source>Service %1 created.</source>
        <translation>Услуга %1 создана.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Delete services</source>
        <translation>Удаление услуг</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n service(s)?</source>
        <translation>
            <numerusform>Удалить %n услугу?</numerusform>
            <numerusform>Удалить %n услуги?</numerusform>
            <numerusform>Удалить %n услуг?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>…и ещё %n</numerusform>
            <numerusform>…и ещё %n</numerusform>
            <numerusform>…и ещё %n</numerusform>
        </translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>Это действие нельзя отменить.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n service(s).</source>
        <translation>
            <numerusform>Удалена %n услуга.</numerusform>
            <numerusform>Удалено %n услуги.</numerusform>
            <numerusform>Удалено %n услуг.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted %1 of %2. Not deleted:</source>
        <translation>Удалено %1 из %2. Не удалены:</translation>
    </message>
    <message>
        <source>Deleting %1 of %2: %3…</source>
        <translation>Удаление %1 из %2: %3…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Filter services by name or ID</source>
        <translation>Фильтр услуг по названию или ID</translation>
    </message>
    <message>
        <source>Voice-message services</source>
        <translation>Услуги голосового SMS</translation>
    </message>
</context>
<context>
    <name>vc::ui::SipPage</name>
    <message>
        <source>Show or hide the password</source>
        <translation>Показать или скрыть пароль</translation>
    </message>
    <message>
        <source>Copy the password (the clipboard is cleared after 30 seconds)</source>
        <translation>Скопировать пароль (буфер обмена очистится через 30 секунд)</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>Поиск…</translation>
    </message>
    <message numerus="yes">
        <source>The SIP password is on the clipboard for %n second(s).</source>
        <translation>
            <numerusform>Пароль SIP в буфере обмена на %n секунду.</numerusform>
            <numerusform>Пароль SIP в буфере обмена на %n секунды.</numerusform>
            <numerusform>Пароль SIP в буфере обмена на %n секунд.</numerusform>
        </translation>
    </message>
    <message>
        <source>SIP resource id</source>
        <translation>Идентификатор ресурса SIP</translation>
    </message>
</context>
<context>
    <name>vc::ui::TeamCampaignsView</name>
    <message>
        <source>running</source>
        <translation>идёт</translation>
    </message>
    <message>
        <source>not answering (its computer is silent)</source>
        <translation>не отвечает (его компьютер молчит)</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>завершена</translation>
    </message>
    <message>
        <source>rows wait</source>
        <translation>строки ждут</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменена</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>приостановлена</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>остановлена</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Кампания</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Компьютер</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>С</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Совершено</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Ждут</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Неизвестно</translation>
    </message>
    <message>
        <source>Last heard</source>
        <translation>Последний сигнал</translation>
    </message>
    <message>
        <source>Team&apos;s campaigns</source>
        <translation>Кампании команды</translation>
    </message>
    <message>
        <source>Team&apos;s campaigns: error</source>
        <translation>Кампании команды: ошибка</translation>
    </message>
    <message>
        <source>Team&apos;s campai&amp;gns (team store %1): who runs each, where, and how far it is</source>
        <translation>Ка&amp;мпании команды (общее хранилище %1): кто ведёт каждую, где и насколько она продвинулась</translation>
    </message>
</context>
<context>
    <name>vc::ui::TeamStoreDialog</name>
    <message>
        <source>Give the server&apos;s host name or address.</source>
        <translation>Укажите имя или адрес сервера.</translation>
    </message>
    <message>
        <source>Give the database&apos;s name.</source>
        <translation>Укажите имя базы данных.</translation>
    </message>
    <message>
        <source>Give your database user name.</source>
        <translation>Укажите ваше имя пользователя базы данных.</translation>
    </message>
    <message>
        <source>To verify the server, choose the CA file to trust (your administrator has it), or choose another TLS mode.</source>
        <translation>Чтобы проверять сервер, выберите файл доверенного центра сертификации (он есть у администратора) или другой режим TLS.</translation>
    </message>
    <message>
        <source>The CA file %1 cannot be found.</source>
        <translation>Файл центра сертификации %1 не найден.</translation>
    </message>
    <message>
        <source>This computer&apos;s own store is used: %1.</source>
        <translation>Используется собственное хранилище этого компьютера: %1.</translation>
    </message>
    <message>
        <source>The CA File to Trust</source>
        <translation>Файл доверенного центра сертификации</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>Сертификаты (*.crt *.pem *.cer);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Give the password of your database user.</source>
        <translation>Укажите пароль вашего пользователя базы данных.</translation>
    </message>
    <message>
        <source>Reading the password from the keychain…</source>
        <translation>Чтение пароля из связки ключей…</translation>
    </message>
    <message>
        <source>The password could not be read from the keychain: %1. Type it again.</source>
        <translation>Пароль не удалось прочитать из связки ключей: %1. Введите его снова.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Подключение к %1…</translation>
    </message>
    <message>
        <source>Connected to %1: schema version %2 (this Voice Console: %3).</source>
        <translation>Подключено к %1: версия схемы %2 (эта Voice Console: %3).</translation>
    </message>
    <message>
        <source>Uploading this computer&apos;s do-not-call list and ledger to %1…</source>
        <translation>Загрузка списка «не звонить» и журнала контактов этого компьютера в %1…</translation>
    </message>
    <message>
        <source>Uploaded to %1: %2 number(s) new on the do-not-call list, %3 history entries, %4 call(s) into the contact ledger. This computer&apos;s own store is kept unchanged as a backup.</source>
        <translation>Загружено в %1: новых номеров в списке «не звонить» — %2, записей истории — %3, звонков в журнал контактов — %4. Собственное хранилище этого компьютера сохранено без изменений как резервная копия.</translation>
    </message>
    <message>
        <source>The settings file cannot be written: %1</source>
        <translation>Файл настроек не удаётся записать: %1</translation>
    </message>
    <message>
        <source>Keeping the password in the keychain…</source>
        <translation>Сохранение пароля в связке ключей…</translation>
    </message>
    <message>
        <source>The password could not be kept in the keychain: %1</source>
        <translation>Пароль не удалось сохранить в связке ключей: %1</translation>
    </message>
    <message>
        <source>Team Store</source>
        <translation>Общее хранилище</translation>
    </message>
    <message>
        <source>Where the do-not-call list, its history, the contact ledger, the contact policy and the list of campaigns are kept. This computer&apos;s own store serves one operator; a team store on PostgreSQL is shared by every operator&apos;s computer: a refusal taken by one stops the others&apos; next call, and a cap counts the team&apos;s calls.</source>
        <translation>Где хранятся список «не звонить» с его историей, журнал контактов, политика контактов и список кампаний. Собственное хранилище компьютера подходит одному оператору; общее хранилище на PostgreSQL разделяют компьютеры всех операторов: отказ, принятый одним, останавливает следующий звонок других, а лимит считает звонки всей команды.</translation>
    </message>
    <message>
        <source>&amp;Store:</source>
        <translation>&amp;Хранилище:</translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation>Только этот компьютер</translation>
    </message>
    <message>
        <source>Team store on PostgreSQL</source>
        <translation>Общее хранилище на PostgreSQL</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>Хос&amp;т:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>&amp;Порт:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;База данных:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>По&amp;льзователь:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Па&amp;роль:</translation>
    </message>
    <message>
        <source>kept in the keychain; type to replace it</source>
        <translation>хранится в связке ключей; введите новый, чтобы заменить</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS:</translation>
    </message>
    <message>
        <source>verify-full: encrypted, the server&apos;s certificate and name checked</source>
        <translation>verify-full: шифрование, проверка сертификата и имени сервера</translation>
    </message>
    <message>
        <source>verify-ca: encrypted, the server&apos;s certificate checked</source>
        <translation>verify-ca: шифрование, проверка сертификата сервера</translation>
    </message>
    <message>
        <source>require: encrypted, not checked</source>
        <translation>require: шифрование без проверки</translation>
    </message>
    <message>
        <source>prefer: encrypted when the server offers it</source>
        <translation>prefer: шифрование, если сервер его предлагает</translation>
    </message>
    <message>
        <source>disable: not encrypted</source>
        <translation>disable: без шифрования</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;Центр сертификации:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>T&amp;est Connection</source>
        <translation>Про&amp;верить соединение</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Хранилище</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Хост</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>База данных</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>TLS mode</source>
        <translation>Режим TLS</translation>
    </message>
    <message>
        <source>CA file to trust</source>
        <translation>Файл доверенного центра сертификации</translation>
    </message>
    <message>
        <source>Browse for the CA file</source>
        <translation>Выбрать файл центра сертификации</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>Проверить соединение</translation>
    </message>
    <message>
        <source>Upload my do-not-call list and ledger to the team store</source>
        <translation>Загрузить мой список «не звонить» и журнал контактов в общее хранилище</translation>
    </message>
    <message>
        <source>Team store status</source>
        <translation>Состояние общего хранилища</translation>
    </message>
    <message>
        <source>U&amp;pload My Do-Not-Call List and Ledger</source>
        <translation>&amp;Загрузить мой список «не звонить» и журнал</translation>
    </message>
</context>
</TS>
