#include "morgue/date_names.hpp"

#include "morgue/text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <initializer_list>
#include <string>

// The names, lower case, by language.  A form shared by two languages is
// listed once; no form names two different months (Croatian, whose
// "listopad" is October where Czech and Polish mean November, is left out
// for that reason).  Weekdays that are also months ("mar": martes, March)
// are told apart by position in dates.cpp.

namespace morgue {

namespace {

using Names = std::initializer_list<std::string_view>;

// months[m]: every form of month m+1.
const std::array<Names, 12> months = {{
    // en, de, fr, it, es, pt, nl, sv/da/nb, pl, cs, fi, tr, ro, id, ca, el, hu
    {"jan",      "january", "januar", "jänner",   "jän",        "janvier", "janv",     "gennaio",
     "gen",      "enero",   "ene",    "janeiro",  "januari",    "sty",     "stycznia", "styczeń",
     "leden",    "ledna",   "led",    "tammikuu", "tammikuuta", "tammi",   "ocak",     "oca",
     "ianuarie", "ian",     "gener",  "ιαν",      "ιανουαρίου", "január"},
    {"feb",     "february",  "februar", "févr",     "février",     "fév",    "febbraio",
     "febrero", "fevereiro", "fev",     "februari", "lut",         "lutego", "luty",
     "únor",    "února",     "úno",     "helmikuu", "helmikuuta",  "helmi",  "şubat",
     "şub",     "februarie", "febrer",  "φεβ",      "φεβρουαρίου", "február"},
    {"mar",    "march", "märz",   "mär",    "mrz",    "mars",   "marzo", "março",     "maart",
     "mrt",    "marts", "marca",  "marzec", "březen", "března", "bře",   "maaliskuu", "maaliskuuta",
     "maalis", "mart",  "martie", "maret",  "març",   "μάρ",    "μαρ",   "μαρτίου",   "március"},
    {"apr",      "april",    "avr",     "avril", "aprile",   "abril",    "abr",        "kwi",
     "kwietnia", "kwiecień", "duben",   "dubna", "dub",      "huhtikuu", "huhtikuuta", "huhti",
     "nisan",    "nis",      "aprilie", "απρ",   "απριλίου", "április"},
    {"may",   "mai",   "maggio", "mag",    "mayo", "maio",     "mei",
     "maj",   "maja",  "květen", "května", "kvě",  "toukokuu", "toukokuuta",
     "touko", "mayıs", "maig",   "μάι",    "μαΐ",  "μαΐου",    "május"},
    {"jun",      "june",  "juni",   "juin",   "giugno", "giu",     "junio",     "junho", "czerwca",
     "czerwiec", "cze",   "červen", "června", "čvn",    "kesäkuu", "kesäkuuta", "kesä",  "haziran",
     "haz",      "iunie", "iun",    "juny",   "ιούν",   "ιουν",    "ιουνίου",   "június"},
    {"jul",   "july",     "juli",       "juil",   "juillet", "luglio",   "lug",
     "julio", "julho",    "lipca",      "lipiec", "lip",     "červenec", "července",
     "čvc",   "heinäkuu", "heinäkuuta", "heinä",  "temmuz",  "tem",      "iulie",
     "iul",   "juliol",   "ιούλ",       "ιουλ",   "ιουλίου", "július"},
    {"aug",      "august",   "août",     "agosto",    "ago",      "augustus", "augusti",
     "sie",      "sierpnia", "sierpień", "srpen",     "srpna",    "srp",      "elokuu",
     "elokuuta", "elo",      "ağustos",  "ağu",       "agustus",  "agu",      "ags",
     "agost",    "αύγ",      "αυγ",      "αυγούστου", "augusztus"},
    {"sep",        "sept",       "september", "septembre", "settembre",   "set",
     "septiembre", "setiembre",  "setembro",  "wrz",       "września",    "wrzesień",
     "září",       "zář",        "syyskuu",   "syyskuuta", "syys",        "eylül",
     "eyl",        "septembrie", "setembre",  "σεπ",       "σεπτεμβρίου", "szeptember"},
    {"oct",       "october", "oktober", "okt",       "octobre",      "ottobre",     "ott",
     "octubre",   "outubro", "out",     "paź",       "października", "październik", "říjen",
     "října",     "říj",     "lokakuu", "lokakuuta", "loka",         "ekim",        "eki",
     "octombrie", "oktober", "octubre", "οκτ",       "οκτωβρίου",    "október"},
    {"nov", "november", "novembre", "noviembre", "novembro", "lis", "listopada", "listopad",
     "listopadu", "marraskuu", "marraskuuta", "marras", "kasım", "kas", "noiembrie", "noi", "νοέ",
     "νοε", "νοεμβρίου"},
    {"dec",       "december",  "dezember", "dez",        "décembre", "déc",       "dicembre",
     "dic",       "diciembre", "dezembro", "gru",        "grudnia",  "grudzień",  "prosinec",
     "prosince",  "pro",       "joulukuu", "joulukuuta", "joulu",    "aralık",    "ara",
     "decembrie", "desember",  "des",      "desembre",   "δεκ",      "δεκεμβρίου"},
}};

const Names weekdays = {
    // en
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday",
    // de
    "mo", "di", "mi", "do", "fr", "sa", "so", "montag", "dienstag", "mittwoch", "donnerstag",
    "freitag", "samstag", "sonnabend", "sonntag",
    // fr
    "lun", "mar", "mer", "jeu", "ven", "sam", "dim", "lundi", "mardi", "mercredi", "jeudi",
    "vendredi", "samedi", "dimanche",
    // it
    "gio", "sab", "dom", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato",
    "domenica",
    // es
    "mié", "mie", "jue", "vie", "sáb", "lunes", "martes", "miércoles", "jueves", "viernes",
    "sábado", "domingo",
    // pt
    "seg", "ter", "qua", "qui", "sex", "segunda", "terça", "quarta", "quinta", "sexta",
    "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
    // nl
    "ma", "wo", "vr", "za", "zo", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
    "zaterdag", "zondag",
    // sv, da, nb
    "mån", "tis", "ons", "tor", "fre", "lör", "sön", "man", "tir", "lør", "søn", "måndag", "tisdag",
    "onsdag", "torsdag", "fredag", "lördag", "söndag", "mandag", "tirsdag", "lørdag", "søndag",
    // pl
    "pon", "wt", "śr", "czw", "pt", "sob", "nie", "niedz", "poniedziałek", "wtorek", "środa",
    "czwartek", "piątek", "sobota", "niedziela",
    // cs
    "po", "út", "st", "čt", "pá", "ne", "pondělí", "úterý", "středa", "čtvrtek", "pátek", "neděle",
    // fi
    "ti", "ke", "to", "pe", "la", "su", "maanantai", "tiistai", "keskiviikko", "torstai",
    "perjantai", "lauantai", "sunnuntai",
    // tr
    "pzt", "sal", "çar", "per", "cum", "cmt", "paz", "pazartesi", "salı", "çarşamba", "perşembe",
    "cuma", "cumartesi", "pazar",
    // ro
    "mie", "joi", "vin", "sâm", "dum", "luni", "marți", "marţi", "miercuri", "vineri", "sâmbătă",
    "duminică",
    // id
    "sen", "sel", "rab", "kam", "jum", "min", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu",
    "minggu",
    // ca
    "dl", "dt", "dc", "dj", "dv", "ds", "dg", "dilluns", "dimarts", "dimecres", "dijous",
    "divendres", "dissabte", "diumenge",
    // el
    "δευ", "τρι", "τετ", "πεμ", "παρ", "σαβ", "κυρ",
    // zh, ja, ko
    "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日", "星期天", "周一", "周二",
    "周三", "周四", "周五", "周六", "周日", "週一", "週二", "週三", "週四", "週五", "週六", "週日",
    "月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日", "月", "火", "水", "木",
    "金", "土", "日", "월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일", "월",
    "화", "수", "목", "금", "토", "일"};

// Lower case, without an abbreviation's full stop or the brackets of "(水)".
std::string folded(std::string_view word) {
    while (!word.empty() && (word.back() == '.' || word.back() == ')'))
        word.remove_suffix(1);
    while (!word.empty() && word.front() == '(')
        word.remove_prefix(1);
    return casefold(word);
}

bool listed(Names names, std::string_view word) {
    return std::find(names.begin(), names.end(), word) != names.end();
}

// "11月" (zh, ja) and "11월" (ko).
int numbered_month(std::string_view w) {
    for (std::string_view suffix : {std::string_view("月"), std::string_view("월")}) {
        if (!w.ends_with(suffix) || w.size() == suffix.size()) continue;
        std::string_view digits = w.substr(0, w.size() - suffix.size());
        int m = 0;
        auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), m);
        if (ec == std::errc() && p == digits.data() + digits.size() && m >= 1 && m <= 12) return m;
    }
    return 0;
}

} // namespace

int month_named(std::string_view word) {
    std::string w = folded(word);
    if (w.empty()) return 0;
    for (int m = 0; m < 12; ++m)
        if (listed(months[m], w)) return m + 1;
    return numbered_month(w);
}

bool weekday_named(std::string_view word) {
    std::string w = folded(word);
    return !w.empty() && listed(weekdays, w);
}

} // namespace morgue
