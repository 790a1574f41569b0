// PhoneNumbers::normalise takes a short way for the common Russian mobile notations (it builds the number
// libphonenumber's parser would and asks the library only whether it is valid). It must class and format
// every input exactly as libphonenumber's whole way does: compared here on every 9XX code, numbers across
// each code's range, every notation the short way takes, and the near misses it must leave to the library.
#include "common/phonenumbers.h"

#include <QRandomGenerator>
#include <QTest>

using namespace vc;

namespace {

// "9261234567" written in a notation; '#' stands for the next digit.
QString written(const QString &pattern, const QString &digits)
{
    QString out;
    int next = 0;
    for (const QChar c : pattern)
        out += c == u'#' ? (next < digits.size() ? digits.at(next++) : QChar(u'0')) : c;
    return out;
}

constexpr int kShortWayNotations = 15; // the first 15 below

const QStringList &notations()
{
    static const QStringList list = {
        // The short way's own notations.
        QStringLiteral("+7 (###) ###-##-##"), QStringLiteral("+7##########"), QStringLiteral("+7 ### ### ## ##"),
        QStringLiteral("8 (###) ###-##-##"), QStringLiteral("8##########"), QStringLiteral("8-###-###-##-##"),
        QStringLiteral("7##########"), QStringLiteral("7 (###) ### ## ##"), QStringLiteral("##########"),
        QStringLiteral("(###) ###-##-##"), QStringLiteral("+7((###))---###  ##-##"), QStringLiteral("  +7 ### ###-##-##  "),
        QStringLiteral("+ 7 ### ### ## ##"), QStringLiteral("8 ### ### ## ##)"), QStringLiteral("+7 ### ### ## ##-"),
        // Near misses: a digit too many or too few, a second '+', other separators, another country code,
        // a national prefix with '+', letters, an extension, non-ASCII digits.
        QStringLiteral("+7 ### ### ## ###"), QStringLiteral("+7 ### ### ## #"), QStringLiteral("8 ### ### ## ###"),
        QStringLiteral("###########"), QStringLiteral("#########"), QStringLiteral("++7 ### ### ## ##"),
        QStringLiteral("+7.###.###.##.##"), QStringLiteral("+7/###/###/##/##"), QStringLiteral("+8 ### ### ## ##"),
        QStringLiteral("+78 ### ### ## #"), QStringLiteral("+38 ### ### ## ##"), QStringLiteral("+7 ### ### ## ## x12"),
        QStringLiteral("+7 ### ### ## ## доб. 5"), QStringLiteral("tel:+7##########"), QStringLiteral("+7 ### ### ## ##;ext=1"),
        QString::fromUtf8("+7 ### ### ## \xd9\xa1\xd9\xa2"), QStringLiteral("8 10 ### ### ## ##"),
    };
    return list;
}

} // namespace

class TestPhoneNumbers : public QObject
{
    Q_OBJECT

private slots:
    void sameAsLibphonenumber_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("shortWay");
        for (int i = 0; i < notations().size(); ++i)
            QTest::newRow(qPrintable(notations().at(i))) << notations().at(i) << (i < kShortWayNotations);
    }

    void sameAsLibphonenumber()
    {
        QFETCH(QString, pattern);
        QFETCH(bool, shortWay);
        QRandomGenerator random(20261206);
        QStringList numbers;
        // Every first three digits (900..999 are the mobile codes; the rest exercise the other prefixes
        // the short way must decline), each with its lowest, highest and a few numbers between.
        for (int code = 100; code <= 999; ++code) {
            const int step = code >= 900 ? 1 : 37; // all mobile codes, a spread of the others
            if ((code - 100) % step)
                continue;
            numbers << QString::number(code) + QStringLiteral("0000000") << QString::number(code) + QStringLiteral("9999999");
            for (int i = 0; i < 3; ++i)
                numbers << QString::number(code) + QStringLiteral("%1").arg(random.bounded(10000000), 7, 10, QLatin1Char('0'));
        }
        numbers << QStringLiteral("0000000000") << QStringLiteral("8001234567") << QStringLiteral("8101234567");
        int valid = 0;
        for (const QString &digits : numbers) {
            const QString input = written(pattern, digits);
            const auto expected = PhoneNumbers::normaliseByLibrary(input);
            const auto got = PhoneNumbers::normalise(input);
            QVERIFY2(got == expected, qPrintable(QStringLiteral("\"%1\": %2, libphonenumber %3")
                                                      .arg(input, got.value_or(QStringLiteral("invalid")),
                                                           expected.value_or(QStringLiteral("invalid")))));
            valid += expected.has_value();
        }
        // In the short way's notations most inputs are valid: a comparison of invalid with invalid alone
        // would prove little.
        if (shortWay)
            QVERIFY2(valid > numbers.size() / 2, qPrintable(QStringLiteral("%1 valid of %2").arg(valid).arg(numbers.size())));
    }

    void validMobileNumbers()
    {
        // What the short way gives, spelled out: the E.164 digits without '+', whatever the notation.
        QCOMPARE(PhoneNumbers::normalise(QStringLiteral("+7 (926) 123-45-67")), QStringLiteral("79261234567"));
        QCOMPARE(PhoneNumbers::normalise(QStringLiteral("8 926 123 45 67")), QStringLiteral("79261234567"));
        QCOMPARE(PhoneNumbers::normalise(QStringLiteral("79261234567")), QStringLiteral("79261234567"));
        QCOMPARE(PhoneNumbers::normalise(QStringLiteral("9261234567")), QStringLiteral("79261234567"));
        QCOMPARE(PhoneNumbers::normalise(QStringLiteral("+7 926 123 45 6")), std::nullopt);
        QCOMPARE(PhoneNumbers::normalise(QStringLiteral("+1 212 555 0100"), QStringLiteral("RU")),
                 PhoneNumbers::normaliseByLibrary(QStringLiteral("+1 212 555 0100")));
    }
};

QTEST_GUILESS_MAIN(TestPhoneNumbers)
#include "tst_phonenumbers.moc"
