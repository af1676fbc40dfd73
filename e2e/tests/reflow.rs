//! Every screen of a journey in each of the page's seven languages: complete (the language's
//! own heading, no empty button, heading or label, no placeholder left unfilled, and in Arabic
//! and Japanese no sentence left in English), and fitting 320 CSS pixels (reflow, WCAG 2.2
//! 1.4.10), so nobody on a small phone (or zoomed to 400%) has to scroll sideways, with no word
//! of the page's texts split across lines to make it fit.

use e2e::{ConfigFile, Harness, Setup, TestResult};
use serde_json::json;

/// Pixels of the page wider than the window (0 when it fits), the widest offender, and the
/// words of the page's own texts that had to be broken across lines to fit.
async fn overflow(h: &Harness) -> TestResult<(i64, String, Vec<String>)> {
    let script = "
        const width = document.documentElement.clientWidth;
        let widest = '';
        let most = 0;
        for (const el of document.querySelectorAll('body *')) {
            const over = Math.ceil(el.getBoundingClientRect().right) - width;
            if (over > most) { most = over; widest = el.tagName + (el.id ? '#' + el.id : '') + '.' + el.className; }
        }
        const broken = [];
        const range = document.createRange();
        const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node; (node = texts.nextNode()); ) {
            // Data (account names, links, setup keys) may break anywhere; the page's words not.
            if (node.parentElement.closest('dd, a, strong, .mfa-secret, script, style')) continue;
            // Japanese has no spaces and may break between any two of its characters: its
            // runs are not words, the Latin words among them are.
            for (const word of node.data.matchAll(/[^\\s\\-\\u3000-\\u30ff\\u4e00-\\u9fff\\uff00-\\uffef]+/g)) {
                range.setStart(node, word.index);
                range.setEnd(node, word.index + word[0].length);
                const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                if (lines.size > 1) broken.push(word[0]);
            }
        }
        return [document.documentElement.scrollWidth - width, widest, broken];";
    h.browser.eval(script).await
}

/// Finds what is missing or left over in the texts of the screen, given `tag`, `heading` and
/// `script` (a character class of the language's script, or null for Latin): the problems
/// found, each in a few words.
const INCOMPLETE: &str = r#"
    const main = document.querySelector('main.mfa-manager');
    const problems = [];
    if (main.lang !== tag) problems.push('the page is in ' + main.lang);
    const h1 = main.querySelector('h1').textContent;
    if (h1 !== heading) problems.push('heading ' + h1);
    for (const el of main.querySelectorAll('button, h1, h2, h3, label, legend, dt, summary')) {
        if (!el.textContent.trim() && !el.getAttribute('aria-label'))
            problems.push('empty ' + el.outerHTML.slice(0, 80));
    }
    const unfilled = /\{[a-z_]+\}/;
    for (const el of main.querySelectorAll('[aria-label], [placeholder], [title]')) {
        for (const name of ['aria-label', 'placeholder', 'title']) {
            const value = el.getAttribute(name);
            if (value !== null && (!value.trim() || unfilled.test(value)))
                problems.push(name + ' ' + JSON.stringify(value));
        }
    }
    const own = script && new RegExp(script, 'u');
    const texts = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node; (node = texts.nextNode()); ) {
        if (unfilled.test(node.data)) problems.push('unfilled ' + node.data);
        // Data (names, addresses, keys, links) is shown as it is, and acronyms (SMS, QR) may
        // stand alone; the page's words may not.
        if (node.parentElement.closest('dd, a, strong, code, .mfa-secret, script, style')) continue;
        if (own && /[A-Za-z][a-z]{2}/.test(node.data) && !own.test(node.data))
            problems.push('not translated: ' + node.data.trim());
    }
    return problems;"#;

/// What is missing or left over in the texts of the screen shown in `lang` ([`INCOMPLETE`]).
async fn incomplete(h: &Harness, lang: &Lang) -> TestResult<Vec<String>> {
    let args = serde_json::json!([lang.tag, lang.heading, lang.script]);
    let script = format!("const [tag, heading, script] = {args};\n{INCOMPLETE}");
    h.browser.eval(&script).await
}

/// A language of the page: its tag, its heading and, for a script other than Latin, a
/// character class of that script.
struct Lang {
    tag: &'static str,
    heading: &'static str,
    script: Option<&'static str>,
}

/// The page's languages.
const LANGS: [Lang; 7] = [
    Lang {
        tag: "en",
        heading: "Security settings",
        script: None,
    },
    Lang {
        tag: "de",
        heading: "Sicherheitseinstellungen",
        script: None,
    },
    Lang {
        tag: "fr",
        heading: "Paramètres de sécurité",
        script: None,
    },
    Lang {
        tag: "es",
        heading: "Configuración de seguridad",
        script: None,
    },
    Lang {
        tag: "ja",
        heading: "セキュリティ設定",
        script: Some("[\\p{scx=Hira}\\p{scx=Kana}\\p{scx=Han}]"),
    },
    Lang {
        tag: "pt-BR",
        heading: "Configurações de segurança",
        script: None,
    },
    Lang {
        tag: "ar",
        heading: "إعدادات الأمان",
        script: Some("\\p{scx=Arab}"),
    },
];

/// The language tagged `tag`.
fn lang(tag: &str) -> &'static Lang {
    LANGS
        .iter()
        .find(|l| l.tag == tag)
        .expect("a language of the page")
}

/// Checks the screen shown in `lang`: complete, and fitting 320 px.
async fn fits(h: &Harness, lang: &Lang, screen: &str) -> TestResult {
    let problems = incomplete(h, lang).await?;
    assert!(
        problems.is_empty(),
        "{screen} in {}: {problems:#?}",
        lang.tag
    );
    let (over, widest, broken) = overflow(h).await?;
    assert!(
        over <= 0,
        "{screen} in {}: the page is {over} px wider than 320 px (widest: {widest})",
        lang.tag
    );
    assert!(
        broken.is_empty(),
        "{screen} in {}: words broken in the middle to fit 320 px: {broken:?}",
        lang.tag
    );
    Ok(())
}

/// The journey at 320 px in the language tagged `tag`: signed out, the list, the
/// authenticator-app panel, the phone form after a code was sent, the recovery code, the
/// removal dialog, the push and email panels and the closing screen, each checked by [`fits`].
/// Waits on elements rather than texts, so it runs the same in every language.
async fn every_screen_fits(tag: &str) -> TestResult {
    let lang = lang(tag);
    let h = Harness::start(Setup::default()).await?;
    h.browser.set_width(320).await?;
    h.browser
        .open(&format!("{}?lang={tag}", h.site.url))
        .await?;
    h.browser.find("#mfa-sign-in").await?;
    fits(&h, lang, "signed out").await?;

    let demo = format!("{}?demo&lang={tag}", h.site.url);
    h.browser.open(&demo).await?;
    h.browser.find("#mfa-empty").await?;
    fits(&h, lang, "list").await?;

    // The authenticator-app panel: QR code, the long setup key and its link.
    h.browser.click("#mfa-add-app").await?;
    h.browser.find("svg.mfa-qr").await?;
    fits(&h, lang, "authenticator app").await?;
    h.browser.open(&demo).await?;
    h.browser.find("#mfa-empty").await?;

    // The phone form with its channel choice, after a code was sent.
    h.browser.click("#mfa-add-phone").await?;
    h.send_code("+44 20 7946 0958", "+442079460958").await?;
    fits(&h, lang, "phone").await?;

    h.enter_oob_code(&h.demo_code("sms").await?).await?;
    // The first method brings the recovery code, shown once.
    h.browser.find("#mfa-recovery-code").await?;
    fits(&h, lang, "recovery code").await?;
    h.save_recovery_code().await?;
    h.browser.click("[data-remove^='sms|']").await?;
    h.browser.find("#mfa-remove-text").await?;
    fits(&h, lang, "removal dialog").await?;
    h.browser.click("#mfa-cancel-remove").await?;

    h.browser.click("#mfa-add-push").await?;
    h.browser.find("#mfa-push-waiting").await?;
    fits(&h, lang, "push notifications").await?;
    h.browser.click("#mfa-cancel-push").await?;

    h.browser.click("#mfa-add-email").await?;
    h.browser.find("#mfa-destination").await?;
    fits(&h, lang, "email").await?;
    h.browser.open(&demo).await?;
    h.browser.find("#mfa-empty").await?;
    h.browser.click("#mfa-done").await?;
    h.browser.find("#mfa-finished").await?;
    fits(&h, lang, "finished").await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_fits_320_pixels_in_english() -> TestResult {
    every_screen_fits("en").await
}

/// German has the longest words ("Push-Benachrichtigungen", "Authentifizierungs-App").
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_fits_320_pixels_in_german() -> TestResult {
    every_screen_fits("de").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_fits_320_pixels_in_french() -> TestResult {
    every_screen_fits("fr").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_fits_320_pixels_in_spanish() -> TestResult {
    every_screen_fits("es").await
}

/// Japanese is written without spaces: a line may break between any two characters, so only
/// the Latin words inside it (`QR`, `Auth0 Guardian`) must stay whole.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_fits_320_pixels_in_japanese() -> TestResult {
    every_screen_fits("ja").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_fits_320_pixels_in_brazilian_portuguese() -> TestResult {
    every_screen_fits("pt-BR").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_fits_320_pixels_right_to_left() -> TestResult {
    every_screen_fits("ar").await
}

/// The configuration-error screen and a refused sign-in, in German.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn error_screens_fit_320_pixels() -> TestResult {
    let h = Harness::start(Setup {
        config: Some(ConfigFile::Json(
            json!({"domain": "login.acme.com", "mode": "tab", "lang": "de"}),
        )),
        ..Setup::default()
    })
    .await?;
    // A configuration that cannot be used has no language of its own: the page's is asked
    // for in its URL.
    let lang = lang("de");
    h.browser.set_width(320).await?;
    h.browser.open(&format!("{}?lang=de", h.site.url)).await?;
    h.browser.find(".mfa-config-errors").await?;
    fits(&h, lang, "configuration error").await?;
    h.finish().await?;

    let h = Harness::start(Setup::default()).await?;
    h.browser.set_width(320).await?;
    h.browser
        .open(&format!(
            "{}?lang=de&error=access_denied&error_description=Service%20not%20found&state=forged",
            h.site.url
        ))
        .await?;
    h.browser.find("#mfa-error").await?;
    fits(&h, lang, "refused sign-in").await?;
    h.finish().await
}
