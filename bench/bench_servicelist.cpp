// Prints how long a 100,000-service GetList answer takes to decode and load into the model, next to a
// bare QJsonDocument::fromJson of the same bytes, and the filter time per keystroke. Figures only: no
// pass or fail.
#include "exolve/exolvecodec.h"
#include "servicefilterproxy.h"
#include "servicelistmodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>

namespace {
QByteArray makeAnswer(int count)
{
    QByteArray body = R"({"voice_message_list":[)";
    body.reserve(count * 110);
    const char *names[] = {"Напоминание о записи", "Delivery notification", "Оплата просрочена", "Survey", "Акция недели"};
    for (int i = 0; i < count; ++i) {
        if (i)
            body += ',';
        body += R"({"id":")" + QByteArray::number(0x10000000 + i, 16) + "-5468-418f-8592-b1d2127ad36b" + R"(","name":")" +
                names[i % 5] + ' ' + QByteArray::number(i) + R"(","created_at":"2025-03-14T09:30:00.567Z"})";
    }
    body += "]}";
    return body;
}

// A table view asks for the row count and the data of the rows on screen.
void touchVisibleRows(const QAbstractItemModel &model)
{
    const int rows = std::min(model.rowCount(), 40);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < model.columnCount(); ++c)
            (void)model.index(r, c).data();
}

template <typename F>
double medianMs(int runs, F &&f)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        times.append(t.nsecsElapsed() / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    const QByteArray answer = makeAnswer(count);
    out << "services: " << count << ", answer: " << answer.size() / 1024 << " KiB\n";

    const double bare = medianMs(5, [&] { volatile bool ok = !QJsonDocument::fromJson(answer).isNull(); (void)ok; });
    double decodeOnly = 0;
    vc::ui::ServiceListModel model;
    const double full = medianMs(5, [&] {
        QElapsedTimer t;
        t.start();
        auto decoded = vc::codec::decodeServiceList(answer);
        decodeOnly = t.nsecsElapsed() / 1e6;
        model.setServices(std::move(decoded.value()));
    });
    out << "QJsonDocument::fromJson (bare):        " << QString::number(bare, 'f', 1) << " ms\n";
    out << "decodeServiceList:                     " << QString::number(decodeOnly, 'f', 1) << " ms\n";
    out << "decode + model load:                   " << QString::number(full, 'f', 1) << " ms ("
        << QString::number(full / bare, 'f', 2) << "x bare)\n";

    vc::ui::ServiceFilterProxy proxy(&model);
    proxy.sort(vc::ui::ServiceListModel::CreatedColumn, Qt::DescendingOrder);
    const QString typed = QStringLiteral("просрочена 123");
    QList<double> perKey;
    int rowsLeft = 0;
    double clearMs = 0;
    for (int round = 0; round < 3; ++round) {
        for (int i = 1; i <= typed.size(); ++i) {
            QElapsedTimer t;
            t.start();
            proxy.setFilterText(typed.left(i));
            touchVisibleRows(proxy); // what the view does next: the mapping is built lazily
            perKey.append(t.nsecsElapsed() / 1e6);
            if (qEnvironmentVariableIsSet("VC_BENCH_VERBOSE"))
                out << "  " << typed.left(i) << ": " << perKey.last() << " ms, " << proxy.rowCount() << " rows\n";
        }
        rowsLeft = proxy.rowCount();
        QElapsedTimer t;
        t.start();
        proxy.setFilterText(QString());
        touchVisibleRows(proxy);
        clearMs = std::max(clearMs, t.nsecsElapsed() / 1e6);
    }
    std::sort(perKey.begin(), perKey.end());
    out << "filter per keystroke (\"" << typed << "\", sorted view): median "
        << QString::number(perKey.at(perKey.size() / 2), 'f', 1) << " ms, worst " << QString::number(perKey.last(), 'f', 1)
        << " ms, rows left " << rowsLeft << "\n";
    out << "clearing the filter (all rows back, sorted): worst " << QString::number(clearMs, 'f', 1) << " ms\n";
    return 0;
}
