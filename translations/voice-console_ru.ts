<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>ErrorCatalog</name>
    <message>
        <source>%1 (server: %2)</source>
        <translation>%1 (сервер: %2)</translation>
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
        <source>The server rejected the request as invalid.</source>
        <translation>Сервер отклонил запрос как неверный.</translation>
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
        <source>The account is not active (not activated or blocked), so the request was refused.</source>
        <translation>Аккаунт не активен (не активирован или заблокирован), поэтому запрос отклонён.</translation>
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
        <source>This SIP resource does not belong to the application of this API key.</source>
        <translation>Этот ресурс SIP не принадлежит приложению данного API-ключа.</translation>
    </message>
    <message>
        <source>The server could not reach your account (error getting customer status). Try again later.</source>
        <translation>Сервер не смог получить данные вашего аккаунта (error getting customer status). Повторите позже.</translation>
    </message>
    <message>
        <source>The server failed while handling the request (HTTP 500).</source>
        <translation>Сбой на сервере при обработке запроса (HTTP 500).</translation>
    </message>
    <message>
        <source>The server redirected the request elsewhere (HTTP %1); the API key is never sent to another address, so the request was stopped. Check the API address.</source>
        <translation>Сервер перенаправил запрос по другому адресу (HTTP %1); API-ключ никогда не отправляется на другой адрес, поэтому запрос остановлен. Проверьте адрес API.</translation>
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
        <source>No API key is set.</source>
        <translation>API-ключ не задан.</translation>
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
    <name>Validation</name>
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
        <source>Enter a phone number.</source>
        <translation>Введите номер телефона.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid phone number. Use the international form, e.g. +7 926 999-99-99.</source>
        <translation>«%1» — недопустимый номер телефона. Используйте международный формат, например +7 926 999-99-99.</translation>
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
    <name>vc::cli::Cli</name>
    <message>
        <source>Voice Console command line: manage Exolve voice-message services, send voice messages, follow calls.

Commands:
  services list
  services show ID
  services create --name NAME --media-id N [--digit D] --redirect-number NUMBER
  services delete ID... [--yes]
  call send --source NUMBER --destination NUMBER --service ID [--wait]
  call status CALL_ID [--watch]
  sip show SIP_RESOURCE_ID [--show-secrets]

The API key comes from VOICE_API_KEY. Exit codes: 0 success, 1 API error, 2 usage or validation error, 3 network/TLS/timeout, 4 call ended other than completed.</source>
        <translation>Voice Console, командная строка: управление услугами голосовых SMS Exolve, отправка голосовых сообщений, отслеживание вызовов.

Команды:
  services list
  services show ID
  services create --name NAME --media-id N [--digit D] --redirect-number NUMBER
  services delete ID... [--yes]
  call send --source NUMBER --destination NUMBER --service ID [--wait]
  call status CALL_ID [--watch]
  sip show SIP_RESOURCE_ID [--show-secrets]

API-ключ берётся из VOICE_API_KEY. Коды выхода: 0 успех, 1 ошибка API, 2 ошибка вызова или проверки данных, 3 сеть/TLS/тайм-аут, 4 вызов завершился не статусом completed.</translation>
    </message>
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
</context>
</TS>
