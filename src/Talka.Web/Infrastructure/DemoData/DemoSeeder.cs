using Talka.Domain.Finance;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Agreements;
using Talka.Domain.Applications;
using Talka.Domain.Calls;
using Talka.Domain.Common;
using Talka.Domain.Delivery;
using Talka.Domain.Organisations;
using Talka.Domain.Projects;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Identity;

namespace Talka.Web.Infrastructure.DemoData;

/// <summary>
/// The demo database: the five seed texts (shared/seeds) as records, with every fact they state and nothing
/// invented beyond what a record needs. Where a text gives only a year, a period spans that year; where it does
/// not state an amount, number, legal basis or legal form, the record leaves it empty (shown as "nenurodyta").
/// </summary>
public sealed class DemoSeeder(TalkaDbContext db, UserManager<TalkaUser> users)
{
    public const string Password = "Talka-demo-2026";

    public static readonly IReadOnlyList<(string Email, string Name, string Role, string? Organisation)> Accounts =
    [
        ("admin@demo.talka.lt", "Programos administratorė", Roles.FunderAdmin, null),
        ("auditorius@demo.talka.lt", "Auditorius", Roles.Auditor, null),
        ("vertintojas@demo.talka.lt", "Vertintojas", Roles.Evaluator, null),
        ("ekspertas@demo.talka.lt", "Ekspertė Rūta", Roles.Evaluator, null),
        ("spc@demo.talka.lt", "VšĮ „Socialinės partnerystės centras“ darbuotoja", Roles.OrganisationMember, Seed.Spc),
        ("nvo2022@demo.talka.lt", "Nacionalinės NVO (2022) darbuotoja", Roles.OrganisationMember, Seed.Ngo2022),
        ("ssi@demo.talka.lt", "Šeimos santykių instituto darbuotoja", Roles.OrganisationMember, Seed.Ssi),
        ("caritas@demo.talka.lt", "Vilniaus arkivyskupijos CARITAS darbuotoja", Roles.OrganisationMember, Seed.Caritas),
        ("personpremier@demo.talka.lt", "UAB „Person Premier“ darbuotoja", Roles.OrganisationMember, Seed.PersonPremier),
    ];

    /// <summary>Organisation names as the seed texts give them.</summary>
    public static class Seed
    {
        public const string Spc = "VšĮ „Socialinės partnerystės centras“";
        public const string VersloVadyba = "MB „Verslo vadybos sistemos“";
        public const string Ngo2022 = "Nacionalinė NVO (pavadinimas šaltinyje nenurodytas)";
        public const string Ssi = "Šeimos santykių institutas";
        public const string Caritas = "Vilniaus arkivyskupijos CARITAS";
        public const string Forum = "Krikščioniškų socialinių iniciatyvų forumas";
        public const string PersonPremier = "UAB „Person Premier“";
    }

    public const string Sadm = "Lietuvos Respublikos socialinės apsaugos ir darbo ministerija";
    public const string Department2017 = "Socialinių paslaugų priežiūros departamentas prie Socialinės apsaugos ir darbo ministerijos";
    public const string Department2022 = "Socialinės pagalbos ir priežiūros departamentas";
    public const string Tarnyba = "Valstybės vaiko teisių apsaugos ir įvaikinimo tarnyba prie Socialinės apsaugos ir darbo ministerijos";

    public async Task SeedAsync()
    {
        if (await db.FundingBodies.AnyAsync()) return;
        await using var transaction = await db.Database.BeginTransactionAsync();

        // Funding bodies as the texts name them. The 2017 department (seed 003) and the 2022 one (seed 001) may be
        // one body renamed, but no text says so: they stay two bodies until someone records the rename.
        var sadm = new FundingBody(Sadm);
        var department2017 = new FundingBody(Department2017);
        var department2022 = new FundingBody(Department2022);
        // DOMAIN.md names this service as a funding body; seed 004 says the project was carried out together with it.
        var tarnyba = new FundingBody(Tarnyba);
        db.FundingBodies.AddRange(sadm, department2017, department2022, tarnyba);

        // Organisations.
        var spc = Org(Seed.Spc, LegalForm.PublicInstitution);
        var verslo = Org(Seed.VersloVadyba, LegalForm.SmallPartnership);
        var ngo2022 = Org(Seed.Ngo2022, LegalForm.Unspecified);
        var ssi = Org(Seed.Ssi, LegalForm.Unspecified);
        var caritas = Org(Seed.Caritas, LegalForm.Unspecified);
        // The forum unites 10 organisations; the text names none of them, so none is listed as a member.
        var forum = Org(Seed.Forum, LegalForm.Unspecified, umbrella: true);
        var personPremier = Org(Seed.PersonPremier, LegalForm.PrivateLimitedCompany);
        db.Organisations.AddRange(spc, verslo, ngo2022, ssi, caritas, forum, personPremier);

        // Programmes and calls.
        var national = new Programme(sadm.Id, "Nacionalinių nevyriausybinių organizacijų institucinis stiprinimas", null);
        var umbrella = new Programme(sadm.Id, "Nevyriausybines organizacijas vienijančių asociacijų institucinis stiprinimas", null);
        var ngoCapacity = new Programme(sadm.Id, "Nevyriausybinių organizacijų institucinių gebėjimų stiprinimas", null);
        var deinstitutionalisation = new Programme(sadm.Id, "Institucinės globos pertvarka",
            "Perėjimas nuo institucinės globos prie šeimoje ir bendruomenėje teikiamų paslaugų neįgaliems ir likusiems be tėvų globos vaikams (vykdoma nuo 2014 m. Socialinės apsaugos ir darbo ministerijos iniciatyva).");
        db.Programmes.AddRange(national, umbrella, ngoCapacity, deinstitutionalisation);

        var call2020 = Call(national, sadm, "Nacionalinių nevyriausybinių organizacijų institucinio stiprinimo projektų finansavimo 2020 metais atrankos konkursas",
            2020, new LegalAct("A1-520", new DateOnly(2019, 9, 11),
                "Dėl Nacionalinių nevyriausybinių organizacijų institucinio stiprinimo projektų finansavimo 2020 metais atrankos konkurso organizavimo nuostatų patvirtinimo"),
            FundingSource.StateBudget);
        var call2022 = Call(national, department2022, "Nacionalinių NVO institucinio stiprinimo projektai 2022 metais (konkurso pavadinimas šaltinyje nenurodytas)", 2022, null, FundingSource.StateBudget);
        var callSsi = Call(ngoCapacity, sadm, "NVO institucinių gebėjimų stiprinimo projektai 2022 metais (konkurso pavadinimas šaltinyje nenurodytas)", 2022, null, FundingSource.StateBudget);
        var call2017 = Call(umbrella, department2017, "Nevyriausybines organizacijas vienijančių asociacijų institucinio stiprinimo projektai 2017 metais (konkurso pavadinimas šaltinyje nenurodytas)", 2017, null, FundingSource.StateBudget);
        var callEsf = Call(deinstitutionalisation, tarnyba, "2014–2020 m. ES fondų investicijų veiksmų programos priemonė 08.4.1-ESFA-V-405", 2016, null,
            FundingSource.EuStructuralFunds, new DateOnly(2016, 1, 1), new DateOnly(2017, 12, 31));
        db.Calls.AddRange(call2020, call2022, callSsi, call2017, callEsf);

        // 000: VšĮ „Socialinės partnerystės centras“, 2020, order A1-520.
        var p000 = Project(call2020, spc, "Nacionalinių nevyriausybinių organizacijų institucinio stiprinimo projektas", 2020, 2020,
            "Organizacijos paskelbta naujiena (I ketvirčio veiklos)");
        p000.RevisePlan(new PlanInput(p000.Title,
            "Patobulinti narių kompetenciją, siekiant kokybiškai teikti viešąsias paslaugas ir gerinant savanoriškos veiklos kokybę; stiprinti institucinius gebėjimus.",
            "Per I ketvirtį organizuoti žmogiškojo / asmenybės ir socialinio kapitalo stiprinimo, meno terapijos, teisės ir verslumo mokymai; partneriams išsiųstas klausimynas apie viešojo valdymo sprendimų priėmimą. Pastebėta, kad ypač mažesnėse savivaldybėse nevyriausybinės organizacijos ir bendruomenės nedalyvauja priimant svarbius viešojo valdymo sprendimus ir laiku neišreiškia nepritarimo tam tikriems sprendimams.",
            [
                new ObjectiveInput(null, "Patobulinti narių kompetenciją, siekiant kokybiškai teikti viešąsias paslaugas ir gerinant savanoriškos veiklos kokybę"),
                new ObjectiveInput(null, "Stiprinti VšĮ „Socialinės partnerystės centro“ institucinius gebėjimus, didinti darbo efektyvumą, tobulinti darbuotojų, partnerių ir savanorių kompetencijas"),
                new ObjectiveInput(null, "Veiksmingiau dalyvauti viešojoje politikoje ir viešojo valdymo sprendimų priėmime"),
            ],
            [
                new ActivityInput(null, 1, ActivityKind.Training, "Žmogiškojo / asmenybės ir socialinio kapitalo stiprinimo mokymai",
                    "Sustiprino kompetencijas ugdant didesnius vaikų socialinius ir emocinius gebėjimus, organizuojant kryptingas veiklas vaikams, siekiant auginti socialiai atsakingą asmenybę, emocinės ir socialinės raidos sutrikimų prevenciją, savižudybių, priklausomybių ir prievartos prevenciją. Po mokymų sustiprinta socialinė paslauga: tikslinės grupės atstovams labiau padedama įgyti bazinių, socialiai atsakingai asmenybei būdingų bruožų, stiprinami socialiniai, emociniai ir dvasiniai gebėjimai."),
                new ActivityInput(null, 1, ActivityKind.Training, "Kvalifikacijos kėlimo mokymai „Meno terapija ir meno terapijos metodų taikymas“",
                    "Skirti įvairių sričių specialistams, socialiniams darbuotojams bei kitiems asmenims, teikiantiems paslaugas krizines situacijas patiriantiems vaikams, jų šeimos nariams."),
                new ActivityInput(null, 2, ActivityKind.Training, "Teisės ir verslumo mokymai",
                    "Mokymus vedė ekspertas Dovydas Lysychas iš MB „Verslo vadybos sistemos“: kaip geriau planuoti paslaugas, įvertinti jų poreikį, įtraukti tikslinę grupę; teisiniai paslaugų teikimo aspektai."),
                new ActivityInput(null, 3, ActivityKind.Survey, "Klausimynas partneriams apie patirtį ir įžvalgas viešojo valdymo sprendimų priėmime",
                    "Apibendrinus rezultatus bus teikiami siūlymai kompetentingoms valstybės ar savivaldybės institucijoms."),
            ],
            [TargetGroup.Children, TargetGroup.ParentsAndFamilies, TargetGroup.Specialists, TargetGroup.NgoStaffAndVolunteers],
            [], []));
        // A supplier, not a partner in the plan: listed with its role so the expert's firm is on record.
        p000.AddPartner(verslo.Id, "Paslaugų teikėjas: teisės ir verslumo mokymus vedė ekspertas Dovydas Lysychas");

        // 001: a national NGO (not named in the text), agreement signed in 2022 with the department, state budget, ends 2022-12-31.
        var p001 = Project(call2022, ngo2022, "Nacionalinių NVO vaidmens stiprinimas teikiant viešąsias paslaugas ir vykdant savanoriškos veiklos plėtrą regionuose",
            2022, 2022, "Organizacijos paskelbtas projekto aprašymas");
        p001.RevisePlan(new PlanInput(p001.Title,
            "Gerinti organizacijos kuriamų viešųjų paslaugų teikimo modelių kokybę, didinti darbo efektyvumą kuriant teikiamų paslaugų tvarumo modelius ir plėsti vykdomų savanoriškų veiklų organizavimą.",
            "2022 m. pasirašyta sutartis su Socialinės pagalbos ir priežiūros departamentu; projektas finansuojamas valstybės biudžeto lėšomis, pabaiga – 2022-12-31.",
            [
                new ObjectiveInput(null, "Užtikrinti į tikslinės grupės poreikių tenkinimą orientuotų kokybiškų palydėjimo paslaugų nuteistiesiems organizavimą ir inicijuoti finansiškai tvaraus, socialinio verslo principais grindžiamo, paslaugų teikimo modelio taikymą."),
                new ObjectiveInput(null, "Užtikrinti organizacijos savanoriškos veiklos vadybą įgyvendinant „Gyvosios bibliotekos“ metodą bei stiprinti NVO atstovų gebėjimus į savanoriškas veiklas įtraukti žmones, atstovaujančius socialinę atskirtį patiriančias visuomenės grupes."),
                new ObjectiveInput(null, "Socialinių paslaugų senjorams kokybės gerinimas, apjungiant pozityvią senatvę kuriančius partnerius ir stiprinant organizacijos kompetencijas."),
            ],
            [
                new ActivityInput(null, 1, ActivityKind.Other, "Palydėjimo modelio taikymas dirbant su laisvės atėmimo bausme nuteistais asmenimis",
                    "Ekonominė paslaugos teikimo analizė; efektyvaus ir tvaraus socialinės pagalbos organizavimo modelis taikant socialinio verslo priemones; Visagino regiono sėkmingos integracijos veiksnių analizė; co-housingo modelis taikant socialinio verslo principus, pristatomas 5 savivaldybėms, Kalėjimų departamentui ir Socialinės apsaugos ir darbo ministerijai; viešinimo priemonės."),
                new ActivityInput(null, 2, ActivityKind.LivingLibrarySession, "Savanoriškomis veiklomis grindžiamos „Gyvosios bibliotekos“ programos veiklų plėtojimas",
                    "Savanorystės strategija organizacijoje (savanorių paieška ir atranka, mokymų metodika, motyvavimo priemonės); patirties sklaida NVO atstovams; mokymai viešųjų paslaugų teikėjams dėl paslaugų teikimo nesivadovaujant stereotipais ar neigiamomis išankstinėmis nuostatomis; dalijimasis patirtimi su specialistais, kaip įgalinti asmenis tapti savarankiškais ir prisiimti daugiau atsakomybės už savo gerovę."),
                new ActivityInput(null, 3, ActivityKind.Other, "Senjorams skirtų viešųjų socialinių paslaugų kokybės gerinimas",
                    "Apjungiamos organizacijos, kurios atstovauja pozityvios senatvės kūrimą ir ją skatina; tikimasi, kad sustiprės organizacijos kaip socialinio partnerio pozicija ir padidės teikiamų paslaugų kokybė."),
            ],
            [TargetGroup.ConvictsAndFormerPrisoners, TargetGroup.Seniors, TargetGroup.NgoStaffAndVolunteers, TargetGroup.Specialists],
            ["Visagino"], []));
        db.Agreements.Add(new Agreement(p001.Id, call2022, new AgreementDetails(null, null, p001.Start, p001.End, null, [])));

        // 002: Šeimos santykių institutas, 2022, SADM-funded; 47 511,61 € used.
        var p002 = Project(callSsi, ssi, "Nevyriausybinių organizacijų institucinių gebėjimų stiprinimas: tėvų ir vaikų ryšio stiprinimo svarba bendruomenėje",
            2022, 2022, "Organizacijos paskelbti projekto rezultatai");
        p002.RevisePlan(new PlanInput(p002.Title,
            "Stiprinti NVO sektorių, didinant jų darbo efektyvumą teikiant kokybiškas viešąsias paslaugas.",
            "Viso projekto veiklose dalyvavo 209 asm. Mokymų dalyviai iš NVO sustiprino žinias apie prieraišumo reikšmę tėvų – vaikų santykiuose ir praktinius įgūdžius darbui su vaikais, mokėsi, kaip patys gali apsisaugoti nuo trauminio streso ir perdegimo ir kaip išlaikyti profesines ribas.",
            [
                new ObjectiveInput(null, "Patobulinti NVO narių kompetencijas, plečiant NVO teikiamų viešųjų paslaugų spektrą ir gerinant savanoriškos veiklos kokybę"),
                new ObjectiveInput(null, "Sustiprinti NVO darbuotojų kompetencijas dirbant su vaikais ir jų tėvais"),
                new ObjectiveInput(null, "Patobulinti NVO darbuotojų kompetencijas teikiant viešąsias paslaugas asmenims, susiduriantiems su krize ir / ar traumą patyrusiais ar patiriančiais asmenimis"),
                new ObjectiveInput(null, "Sustiprinti Šeimos santykių instituto darbuotojų kompetencijas ir finansinės atsakomybės bei tvarumo kokybę"),
            ],
            [
                new ActivityInput(null, 1, ActivityKind.Training, "„Vaikų ir tėvų ryšio stiprinimo programos (VTRS)“ mokymai",
                    "Dvidešimt NVO darbuotojų 11 dienų (88 ak. val.) mokėsi VTRS mokymuose. Mokymų dalyviai taikė / taikys įgytą metodą (vaikų ir tėvų ryšio stiprinimo grupės vaikams, tėvams ir šeimai) savo bendruomenėse."),
                new ActivityInput(null, 1, ActivityKind.Consultation, "Praktinės konsultacijos mokymų dalyviams",
                    "12 ak. val. konsultacijų sprendžiant sudėtingas situacijas."),
                new ActivityInput(null, 1, ActivityKind.Deliverable, "„Vaikų ir tėvų ryšio stiprinimo programos“ vadovas ir VTRS programos leidiniai vaikams ir tėvams",
                    "Sudarytas ir išleistas vadovas, išleisti leidiniai vaikams ir tėvams."),
                new ActivityInput(null, 2, ActivityKind.Seminar, "Seminarai „Vaiko prieraišumas ir jo reikšmės santykiams su tėvais ir kitais asmenimis“",
                    "5 vnt. po 6 ak. val., viso 30 ak. val.; 106 seminarų dalyviai."),
                new ActivityInput(null, 3, ActivityKind.Seminar, "Seminarai „Antrinė trauma ir atsparumas“",
                    "2 seminarai po 8 ak. val., viso 16 ak. val.; 69 seminarų dalyviai."),
                new ActivityInput(null, 4, ActivityKind.Training, "Komunikacinių įgūdžių stiprinimo mokymai instituto darbuotojams",
                    "16 ak. val. trukmės mokymai; dalyvavo 14 instituto darbuotojų."),
                new ActivityInput(null, 4, ActivityKind.Audit, "Audito paslauga", "Atliktas auditas."),
            ],
            [TargetGroup.NgoStaffAndVolunteers, TargetGroup.Children, TargetGroup.ParentsAndFamilies, TargetGroup.Specialists],
            [], []));
        p002.SetReportedFundsUsed(47_511.61m);

        // 003: Vilniaus arkivyskupijos CARITAS for the forum of 10 organisations; agreement signed 2017-08-31; ends 2017-12-31.
        var p003 = Project(call2017, caritas, "Nevyriausybines organizacijas vienijančių asociacijų institucinis stiprinimas", 2017, 2017,
            "Organizacijos paskelbta naujiena, 2017-10-04");
        p003.SetPeriod(new DateOnly(2017, 8, 31), new DateOnly(2017, 12, 31));
        p003.RevisePlan(new PlanInput(p003.Title,
            "Aktyvinti Forumo narių dalyvavimą sprendžiant viešojo sektoriaus klausimus, gerinti esamus ir kurti naujus bendradarbiavimo su valstybės bei savivaldybės institucijomis mechanizmus, didinti Forumo narių ir aktualių partnerių kompetencijas, skaidrumą ir atskaitomybę, pritraukti naujus narius į Forumą, organizuoti specialiuosius mokymus bei kitomis priemonėmis sudaryti sąlygas socialines paslaugas perduoti teikti NVO.",
            "Projektas vykdomas 10 organizacijų vienijančio Krikščioniškų socialinių iniciatyvų forumo, kurio narės Vilniaus mieste teikia socialines paslaugas praktiškai visoms socialinėje atskirtyje esančioms gyventojų grupėms. Forumo narės veikia keliolika ir daugiau metų ir šiuo projektu tęsia savo įdirbį.",
            [
                new ObjectiveInput(null, "Aktyvinti Forumo narių dalyvavimą sprendžiant viešojo sektoriaus klausimus"),
                new ObjectiveInput(null, "Gerinti esamus ir kurti naujus bendradarbiavimo su valstybės bei savivaldybės institucijomis mechanizmus"),
                new ObjectiveInput(null, "Didinti Forumo narių ir aktualių partnerių kompetencijas, skaidrumą ir atskaitomybę"),
                new ObjectiveInput(null, "Pritraukti naujus narius į Forumą"),
                new ObjectiveInput(null, "Sudaryti sąlygas socialines paslaugas perduoti teikti NVO"),
            ],
            [
                new ActivityInput(null, 2, ActivityKind.Other, "Veikiančių ir neveikiančių bendradarbiavimo mechanizmų nagrinėjimas ir jų gerinimo būdų paieška", null),
                new ActivityInput(null, 2, ActivityKind.Other, "Tarpinstitucinio bendradarbiavimo modelio darbui su šeimomis bei asmenimis, išėjusiais iš laisvės atėmimo vietų, kūrimas", null),
                new ActivityInput(null, 3, ActivityKind.Training, "Mokymai Forumo narėms bei susijusiems partneriams iš valstybės ir savivaldybių institucijų",
                    "Abipusis pažinimas ir pasitikėjimo ugdymas; teisėkūros, strateginio planavimo, viešosios politikos formavimo, advokacijos, tinklinimosi, komunikacijos, projektų rengimo ir darbo grupių vedimo išmanymas."),
                new ActivityInput(null, 1, ActivityKind.Publicity, "Sėkmingo Forumo narių, valstybės ir savivaldybių institucijų bendradarbiavimo pavyzdžių sklaida viešumoje", null),
                new ActivityInput(null, 1, ActivityKind.Other, "Galimybės NVO inicijuoti klausimų svarstymą pasirinktose savivaldybių tarybose sudarymas", null),
                new ActivityInput(null, 5, ActivityKind.Other, "Viešųjų socialinių paslaugų teikimo perdavimo NVO galimybių nagrinėjimas", null),
                new ActivityInput(null, 3, ActivityKind.Audit, "Nepriklausomas veiklos ir finansinis auditas bent vienam iš Forumo narių", null),
                new ActivityInput(null, 3, ActivityKind.Other, "Kokybės standartų diegimo Forumo narėse poreikių, galimybių ir pasirengimo išnagrinėjimas", null),
            ],
            [TargetGroup.NgoStaffAndVolunteers, TargetGroup.PublicServants, TargetGroup.ConvictsAndFormerPrisoners, TargetGroup.ParentsAndFamilies],
            ["Vilniaus m."], []));
        p003.AddPartner(forum.Id, "Skėtinė organizacija, vienijanti 10 organizacijų");
        db.Agreements.Add(new Agreement(p003.Id, call2017,
            new AgreementDetails(null, new DateOnly(2017, 8, 31), p003.Start, p003.End, null, [])));

        // 004: UAB „Person Premier“ with the service, 2016–2017, ESF, application 08.4.1-ESFA-V-405-01-0001.
        // The text, published 2017-06-29, says the project was carried out: it ended by that day.
        var application = new Application(callEsf.Id, personPremier.Id, "08.4.1-ESFA-V-405-01-0001",
            "Tvaraus perėjimo nuo institucinės globos prie šeimoje ir bendruomenėje teikiamų paslaugų sistemos sąlygų sukūrimas Lietuvoje",
            ApplicationStatus.Funded);
        db.Applications.Add(application);
        var p004 = new Project(callEsf.Id, personPremier.Id, application.Id, application.Title, new DateOnly(2016, 1, 1), new DateOnly(2017, 6, 29));
        p004.SetSource("Organizacijos paskelbta naujiena, 2017-06-29");
        p004.Publish();
        db.Projects.Add(p004);
        p004.RevisePlan(new PlanInput(p004.Title,
            "Didinti Institucinės globos pertvarkos klasterio dalyvių bendradarbiavimo ir komandinio darbo kompetenciją, įgyvendinant Institucinės globos pertvarką nacionaliniu ir regioniniu lygmenimis.",
            "Projekto metu buvo organizuojami 24 teminiai nacionalinio ir regioninio lygmens seminarai, kurių metu buvo apmokyta 460 dalyvių.",
            [
                new ObjectiveInput(null, "Didinti klasterio dalyvių bendradarbiavimo ir komandinio darbo kompetenciją, reikalingą bendruomeninių paslaugų teikimo kompleksiškumui užtikrinti bei koordinuotiems atsakingų institucijų ir organizacijų veiksmams"),
            ],
            [
                new ActivityInput(null, 1, ActivityKind.Seminar, "Teminiai nacionalinio ir regioninio lygmens seminarai",
                    "24 seminarai, apmokyta 460 dalyvių. Temos: pertvarkos aktualumas ir nauda, tarpinstitucinis bendradarbiavimas ir komandinis darbas, praktiniai patarimai, pertvarkos stereotipų laužymas, kūrybiškumo skatinimo metodai, gerosios patirtys ir rekomendacijos, kaip jas skleisti bendruomenėse. Dalyviai: pertvarkomų globos įstaigų vadovai ir darbuotojai, bendruomeninius globos namus steigiančių organizacijų, savivaldybių administracijų, socialinių reikalų padalinių, vaiko teisių apsaugos skyrių, NVO, neįgaliųjų organizacijų ir asociacijų darbuotojai, psichologai, socialinių, sveikatos, švietimo paslaugų įstaigų ir mokslo ir studijų institucijų atstovai."),
            ],
            [TargetGroup.Specialists, TargetGroup.PublicServants, TargetGroup.NgoStaffAndVolunteers],
            [], []));

        SeedDelivery(p000, p002, p004);
        var open = SeedSelection(ngoCapacity, sadm, spc, ssi);
        await db.SaveChangesAsync();

        foreach (var (email, name, role, organisation) in Accounts)
        {
            var user = new TalkaUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, role));
            if (organisation is not null)
            {
                var organisationId = await db.Organisations.Where(o => o.Name == organisation).Select(o => o.Id).SingleAsync();
                db.OrganisationMemberships.Add(new OrganisationMembership { UserId = user.Id, OrganisationId = organisationId, IsManager = true });
            }
        }
        var experts = await db.Users.Where(u => u.Email == "vertintojas@demo.talka.lt" || u.Email == "ekspertas@demo.talka.lt")
            .ToDictionaryAsync(u => u.Email!, u => u.Id);
        DemoEvaluation.Seed(db, ngoCapacity, sadm, open, caritas, forum, ngo2022, spc,
            experts["vertintojas@demo.talka.lt"], experts["ekspertas@demo.talka.lt"]);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>
    /// The delivery records the texts give numbers for. Where a text does not date an event, it spans the project period.
    /// 002: 20 NGO staff in 11 days (88 ak. val.) of VTRS training and 12 ak. val. of consultations; 5 seminars of 6 ak. val.
    /// with 106 participants; 2 seminars of 8 ak. val. with 69; a 16 ak. val. training for 14 of the institute's staff
    /// (20 + 106 + 69 + 14 = the 209 persons the text counts); a handbook, publications and an audit.
    /// 004: 24 seminars for 460 participants, a headcount (no list of persons). 000: a questionnaire sent to partners.
    /// </summary>
    private void SeedDelivery(Project p000, Project p002, Project p004)
    {
        Guid ActivityOf(Project project, string titleStart) => project.Activities.Single(a => a.Title.StartsWith(titleStart, StringComparison.Ordinal)).Id;
        var numbers = new Dictionary<Guid, int>();
        Event Add(Project project, Guid? activityId, EventKind kind, string topic, int sessions, decimal? hours, int? headcount, params TargetGroup[] groups)
        {
            numbers[project.Id] = numbers.GetValueOrDefault(project.Id) + 1;
            var e = new Event(project.Id, numbers[project.Id], project.Period, project.Activities.Select(a => a.Id).ToList(),
                new EventDetails(activityId, kind, topic, project.Start, project.End, sessions, hours, HourUnit.Academic, false, null, null, null, groups, headcount));
            db.Add(e);
            return e;
        }
        List<Participant> People(Project project, string prefix, int count, string? organisation = null) =>
            Enumerable.Range(1, count).Select(i => new Participant(project.Id,
                new ParticipantDetails($"{prefix}-{i:D3}", null, ParticipantCategory.NgoEmployee, organisation, null, null, null, TargetGroup.NgoStaffAndVolunteers, false), null)).ToList();
        void Attend(Event e, IEnumerable<Participant> people) => db.AddRange(people.Select(p => new Attendance(e.Id, p.Id, null)));

        var vtrs = Add(p002, ActivityOf(p002, "„Vaikų ir tėvų ryšio stiprinimo programos (VTRS)“"), EventKind.Training,
            "„Vaikų ir tėvų ryšio stiprinimo programos (VTRS)“ mokymai (11 dienų)", 11, 8, null, TargetGroup.NgoStaffAndVolunteers);
        var consultations = Add(p002, ActivityOf(p002, "Praktinės konsultacijos"), EventKind.Consultation,
            "Praktinės konsultacijos VTRS mokymų dalyviams", 1, 12, null, TargetGroup.NgoStaffAndVolunteers);
        var attachment = Add(p002, ActivityOf(p002, "Seminarai „Vaiko prieraišumas"), EventKind.Seminar,
            "Seminarai „Vaiko prieraišumas ir jo reikšmės santykiams su tėvais ir kitais asmenimis“", 5, 6, null, TargetGroup.NgoStaffAndVolunteers);
        var trauma = Add(p002, ActivityOf(p002, "Seminarai „Antrinė trauma"), EventKind.Seminar,
            "Seminarai „Antrinė trauma ir atsparumas“", 2, 8, null, TargetGroup.NgoStaffAndVolunteers);
        var staffTraining = Add(p002, ActivityOf(p002, "Komunikacinių įgūdžių"), EventKind.Training,
            "Komunikacinių įgūdžių stiprinimo mokymai instituto darbuotojams", 1, 16, null, TargetGroup.NgoStaffAndVolunteers);
        var trainees = People(p002, "VTRS", 20);
        var attachmentPeople = People(p002, "PRS", 106);
        var traumaPeople = People(p002, "ATR", 69);
        var staff = People(p002, "SSI", 14, Seed.Ssi);
        db.AddRange([..trainees, ..attachmentPeople, ..traumaPeople, ..staff]);
        Attend(vtrs, trainees);
        Attend(consultations, trainees);
        Attend(attachment, attachmentPeople);
        Attend(trauma, traumaPeople);
        Attend(staffTraining, staff);
        var handbookActivity = ActivityOf(p002, "„Vaikų ir tėvų ryšio stiprinimo programos“ vadovas");
        db.Add(new Deliverable(p002.Id, p002.Period, new DeliverableDetails(handbookActivity, DeliverableKind.Handbook,
            "„Vaikų ir tėvų ryšio stiprinimo programos“ vadovas", null, null, null, null, null, "Sudarytas ir išleistas vadovas.")));
        db.Add(new Deliverable(p002.Id, p002.Period, new DeliverableDetails(handbookActivity, DeliverableKind.Publication,
            "VTRS programos leidiniai vaikams ir tėvams", null, null, null, null, null, null)));
        db.Add(new Deliverable(p002.Id, p002.Period, new DeliverableDetails(ActivityOf(p002, "Audito paslauga"), DeliverableKind.Audit,
            "Auditas", null, null, null, null, null, "Siekiant didinti Šeimos santykių instituto finansinės atsakomybės ir tvarumo kokybę įsigyta audito paslauga.")));

        Add(p004, p004.Activities.Single().Id, EventKind.Seminar, "Teminiai nacionalinio ir regioninio lygmens seminarai", 24, null, 460,
            TargetGroup.Specialists, TargetGroup.PublicServants, TargetGroup.NgoStaffAndVolunteers);

        db.Add(new Deliverable(p000.Id, p000.Period, new DeliverableDetails(ActivityOf(p000, "Klausimynas partneriams"), DeliverableKind.Survey,
            "Klausimynas partneriams apie patirtį ir įžvalgas viešojo valdymo sprendimų priėmime", null, null, null, null, null,
            "Sudarytas ir išsiųstas partneriams.")));
    }

    /// <summary>
    /// The selection side at once: a call of the NGO Fund kind open from three days before the demo was made until 17:00
    /// thirty days after, with the eligibility rules, attachments and sections of SELECTION.md, and two applications:
    /// Šeimos santykių institutas's submitted (number NVOK-2027-0001, its statutes and financial statements attached),
    /// the Social Partnership Centre's a draft still missing its budget. The call is an example, marked as such.
    /// </summary>
    private Call SeedSelection(Programme programme, FundingBody body, Organisation spc, Organisation ssi)
    {
        var vilnius = LtFormat.VilniusTime(DateTime.UtcNow);
        var today = vilnius.Date;
        var call = new Call(programme.Id, new CallDetails(body.Id, "NVO fondo 2027 m. projektų atrankos konkursas (demonstracinis)",
            2027, new LegalAct("A1-000", DateOnly.FromDateTime(today.AddDays(-10)), "Demonstracinis konkurso organizavimo nuostatų įsakymas (pavyzdys, ne tikras teisės aktas)"),
            540_000m, 3_000m, 25_000m, DateOnly.FromDateTime(today.AddDays(-3)), DateOnly.FromDateTime(today.AddDays(30)),
            new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), FundingSource.StateBudget, ReportingRules.Default));
        var form = call.SetForm(new ApplicationForm(today.AddDays(-3).AddHours(9), today.AddDays(30).AddHours(17), null, null,
            "NVOK-{year}-{number:0000}",
            [
                new EligibilityRule(EligibilityRuleKind.NgoMark),
                new EligibilityRule(EligibilityRuleKind.NotInLiquidation),
                new EligibilityRule(EligibilityRuleKind.ReliableTaxpayer),
                new EligibilityRule(EligibilityRuleKind.MinimumIncome, 1_000m, vilnius.Year - 1),
            ],
            [new RequiredAttachment("Statutes", "Įstatai"), new RequiredAttachment("FinancialStatements", "Paskutinių metų finansinių ataskaitų rinkinys")],
            [ApplicationSection.Goal, ApplicationSection.Objectives, ApplicationSection.Activities, ApplicationSection.TargetGroups,
                ApplicationSection.Indicators, ApplicationSection.Budget]));
        db.Calls.Add(call);

        var submitted = Application.Draft(call.Id, ssi.Id, new ApplicationContent(
            new PlanInput("Vaikų ir tėvų ryšio stiprinimas regionuose", "Stiprinti vaikų ir tėvų ryšį šeimose, auginančiose vaikus regionuose",
                "Mokymai specialistams ir tėvų grupės penkiose savivaldybėse.",
                [new ObjectiveInput(null, "Parengti specialistus vesti tėvų grupes"), new ObjectiveInput(null, "Surengti tėvų grupes regionuose")],
                [
                    new ActivityInput(null, 1, ActivityKind.Training, "VTRS mokymai specialistams", null),
                    new ActivityInput(null, 2, ActivityKind.Seminar, "Tėvų grupių užsiėmimai", null),
                ],
                [TargetGroup.ParentsAndFamilies, TargetGroup.Specialists], ["Kauno r.", "Alytaus m.", "Utenos r."],
                [new IndicatorInput(null, "Parengti specialistai", "asm.", 20), new IndicatorInput(null, "Tėvų grupių dalyviai", "asm.", 120)]),
            [],
            [new BudgetLineInput(CostCategory.Personnel, 12_000m, 0m), new BudgetLineInput(CostCategory.EventsAndTraining, 9_500m, 1_200m)],
            new DateOnly(2027, 2, 1), new DateOnly(2027, 11, 30),
            new EligibilityDeclaration(NgoMark: true, InLiquidation: false, ReliableTaxpayer: true, Income: 84_300m)).Validated(call), DateTime.UtcNow);
        db.Applications.Add(submitted);
        var files = new[] { ("Statutes", "istatai.pdf"), ("FinancialStatements", "finansines-ataskaitos.pdf") }
            .Select(f => Attach(db, submitted, f.Item1, f.Item2, "ssi@demo.talka.lt")).ToList();
        var version = submitted.Submit(call, form, ["Statutes", "FinancialStatements"], vilnius, DateTime.UtcNow, () => 1, "ssi@demo.talka.lt",
            System.Text.Json.JsonSerializer.Serialize(files.Select(f => new { f.Key, f.Id, f.FileName, f.Sha256 })));
        db.Add(version);

        db.Applications.Add(Application.Draft(call.Id, spc.Id, ApplicationContent.Empty with
        {
            Plan = ApplicationContent.Empty.Plan with
            {
                Title = "Bendruomeninių paslaugų kokybės tinklas",
                Goal = "Sujungti bendruomeninius globos namus į kokybės tinklą",
            },
        }, DateTime.UtcNow));
        return call;
    }

    /// <summary>A small PDF attached to the application under the key.</summary>
    internal static Features.Applications.ApplicationFile Attach(TalkaDbContext db, Application application, string key, string name,
        string uploadedBy)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(
            "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
        var file = new Features.Applications.ApplicationFile
        {
            ApplicationId = application.Id, Key = key, FileName = name, ContentType = "application/pdf", Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), UploadedBy = uploadedBy,
            UploadedAt = DateTime.UtcNow,
        };
        db.Add(file);
        db.Add(new Features.Applications.ApplicationFileContent { FileId = file.Id, Bytes = bytes });
        return file;
    }

    private static Organisation Org(string name, LegalForm form, bool umbrella = false) =>
        new(new OrganisationDetails(name, form, null, false, null, null, null, null, null, umbrella));

    private static Call Call(Programme programme, FundingBody body, string title, int year, LegalAct? legalAct, FundingSource source,
        DateOnly? start = null, DateOnly? end = null) =>
        new(programme.Id, new CallDetails(body.Id, title, year, legalAct, null, null, null, null, null,
            start ?? new DateOnly(year, 1, 1), end ?? new DateOnly(year, 12, 31), source, ReportingRules.Default));

    private Project Project(Call call, Organisation organisation, string title, int fromYear, int toYear, string source)
    {
        var project = new Project(call.Id, organisation.Id, null, title, new DateOnly(fromYear, 1, 1), new DateOnly(toYear, 12, 31));
        project.SetSource(source);
        project.Publish();
        db.Projects.Add(project);
        return project;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
