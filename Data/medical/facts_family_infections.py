"""Authored fact base: women's, men's and children's health and infections. Written for Attune by its authors."""

FACTS = """
# Polycystic ovary syndrome (PCOS) [condition]
what: Polycystic ovary syndrome is a common hormonal condition in which the ovaries do not regularly release eggs and androgen (male-type hormone) levels are raised. Despite the name, the ovaries contain many small follicles rather than true cysts.
? what is pcos and does it mean i have cysts
sym: PCOS causes irregular or absent periods, excess hair on the face or body, acne, thinning scalp hair, difficulty getting pregnant and often weight gain. Symptoms usually begin in the late teens or early twenties.
? periods only every few months and hair growing on my chin
cause: The cause is not fully understood; insulin resistance and inherited factors play a central role, and the condition often runs in families. Excess weight can worsen symptoms but lean people can also have PCOS.
? is pcos caused by being overweight
dx: PCOS is diagnosed when two of three features are present: irregular ovulation, signs or blood tests of high androgens, and polycystic-appearing ovaries on ultrasound, after excluding other causes. Blood tests also check thyroid function and prolactin.
? what tests do they do to find out if you have pcos
tx: Treatment depends on goals: lifestyle changes, the combined pill to regulate periods and reduce hair growth, metformin for insulin resistance, and ovulation-inducing medicines such as letrozole for fertility. Even modest weight loss in people who are overweight can restore regular periods.
? can i still get pregnant if i have pcos
outlook: PCOS increases the long-term risk of type 2 diabetes, sleep apnea and endometrial thickening, so regular checks of blood sugar and weight are advised. Irregular periods should be managed to protect the womb lining.
? does pcos raise my chance of getting diabetes

# Endometriosis [condition]
what: Endometriosis is a condition in which tissue similar to the lining of the womb grows outside the womb, such as on the ovaries and pelvic lining, causing inflammation and scarring. It affects roughly one in ten women of reproductive age.
? what is endometriosis in simple terms
sym: Symptoms include severe period pain that interferes with daily life, pelvic pain, pain during or after sex, pain on opening the bowels during periods, and difficulty getting pregnant. Some people have few symptoms despite extensive disease.
? period cramps so bad i miss work and painkillers don't touch it
dx: Endometriosis may be suspected from symptoms and ultrasound or MRI, but laparoscopy, a keyhole operation, is the definitive way to diagnose it. The average delay from first symptoms to diagnosis is several years.
? why does it take so long to get diagnosed with endometriosis
tx: Treatment includes pain relief, hormonal treatments such as the pill, progestogens or a hormonal coil, and surgery to remove endometriosis tissue. Fertility treatment may be needed for some people trying to conceive.
? does endometriosis come back after surgery

risk: Endometriosis is more common in people with a mother or sister who has it, early first periods, short menstrual cycles and heavy periods; it mainly affects people of reproductive age. It is not caused by anything a person did.
# Menopause [condition]
what: Menopause is the time when menstrual periods stop permanently because the ovaries stop releasing eggs and oestrogen levels fall; it is confirmed after 12 months without a period, usually between 45 and 55. Early menopause before 45 or premature ovarian insufficiency before 40 needs specialist advice.
? at what age does menopause usually happen
sym: Symptoms include hot flushes, night sweats, sleep problems, mood changes, vaginal dryness, reduced libido, joint aches and brain fog; perimenopause, the years leading up to it, brings irregular periods. Symptoms typically last several years and vary greatly between individuals.
? waking up drenched in sweat and my periods are all over the place at 47
tx: Hormone replacement therapy is the most effective treatment for hot flushes and night sweats; vaginal oestrogen helps dryness, and non-hormonal medicines and cognitive behavioural therapy are alternatives. For most healthy women under 60, the benefits of HRT outweigh the risks.
? is hrt safe or does it cause breast cancer
outlook: After menopause, lower oestrogen speeds bone loss and raises cardiovascular risk, so exercise, diet and bone health checks become more important. Vaginal and urinary symptoms often persist and can be treated long term.
care: Any vaginal bleeding more than a year after the last period should be checked promptly, because it can be a sign of endometrial cancer. Endometrial cancer is much more treatable when found early.
? spotting after menopause, should i be worried

dx: Menopause is usually diagnosed from age and symptoms; blood tests are generally only needed in people under 45 or when the picture is unclear. Hormone levels fluctuate widely during perimenopause, so a single test can mislead.
? do i need a blood test to know if i'm in menopause
# Pregnancy nausea (morning sickness) [condition]
what: Nausea and vomiting in pregnancy are very common in the first trimester, usually starting around six weeks and easing by 16 to 20 weeks; despite the name it can happen at any time of day. It is generally not harmful to the baby.
? why is it called morning sickness if i feel sick all day
tx: Eating small frequent bland meals, ginger, resting and staying hydrated help; anti-sickness medicines considered safe in pregnancy are available when needed. Iron in prenatal vitamins can worsen nausea, and switching formulations may help.
? what helps with morning sickness besides crackers
care: Hyperemesis gravidarum is severe, persistent vomiting causing dehydration and weight loss; being unable to keep fluids down for 24 hours needs medical care. Dark urine and dizziness on standing are signs of dehydration.
? can't keep even water down and i'm 9 weeks pregnant

cause: Pregnancy sickness is thought to be linked to rising levels of pregnancy hormones, especially human chorionic gonadotropin; it is more common with twins and in people who had it in a previous pregnancy. It is not a sign that anything is wrong with the pregnancy.
? why do some pregnant women get sick and others don't
# Gestational diabetes [condition]
what: Gestational diabetes is high blood sugar that develops during pregnancy, usually in the second or third trimester, and usually resolves after birth. Pregnancy hormones make the body more resistant to insulin.
risk: Risk is higher with overweight, previous gestational diabetes, a previous large baby, a family history of diabetes and some ethnic backgrounds. Previous stillbirth also increases the risk.
? am i more likely to get diabetes while pregnant if my mom has diabetes
dx: It is diagnosed with an oral glucose tolerance test, commonly between 24 and 28 weeks of pregnancy. People at high risk may be tested earlier in pregnancy.
? when do they test for diabetes in pregnancy
tx: Treatment includes dietary changes, activity and blood sugar monitoring, with metformin or insulin if targets are not met. Blood sugar is usually checked several times a day at home.
? will i need insulin shots for gestational diabetes
outlook: Gestational diabetes raises the chance of a large baby and birth complications, and the mother's lifelong risk of type 2 diabetes, so yearly checks are advised after pregnancy. A glucose test is recommended a few weeks after birth.
? does gestational diabetes go away after the baby is born

# Pre-eclampsia [condition]
what: Pre-eclampsia is a pregnancy condition, usually after 20 weeks, involving high blood pressure with signs of organ involvement such as protein in the urine; it can be dangerous for mother and baby. It can also develop shortly after birth.
sym: It may cause no symptoms, but can cause severe headache, vision problems such as flashing lights, pain below the ribs, vomiting and sudden swelling of the face, hands or feet. Urgent assessment is needed for any of these symptoms in the second half of pregnancy.
? 34 weeks pregnant with a bad headache and seeing spots, face swollen
tx: The only cure is delivery of the baby and placenta; until then, blood pressure medicines and close monitoring are used, and magnesium sulfate prevents seizures in severe cases. The timing of delivery balances risks to the mother against the baby's maturity.
? is the only cure for preeclampsia having the baby
prev: Low-dose aspirin from early pregnancy is recommended for women at increased risk, and blood pressure and urine checks at antenatal visits aim to catch it early. People should know the warning signs and seek help without waiting for their next appointment.
? why did my midwife tell me to take aspirin while pregnant

risk: Pre-eclampsia is more likely in a first pregnancy, with twins, in people over 40, with obesity, pre-existing high blood pressure, diabetes, kidney disease, or a previous pre-eclampsia. A long interval between pregnancies is also a risk factor.
# Erectile dysfunction [condition]
what: Erectile dysfunction is persistent difficulty getting or keeping an erection firm enough for sex. It is common, especially with age.
cause: It is often caused by reduced blood flow linked to heart disease, diabetes, high blood pressure and smoking, as well as nerve damage, low testosterone, medicines, anxiety and relationship stress. Alcohol, recreational drugs and some blood pressure and antidepressant medicines are common contributors.
? can't keep it up lately, is it in my head or something physical
tx: Treatment includes PDE5 inhibitors such as sildenafil and tadalafil, addressing lifestyle and medicines, psychosexual therapy, vacuum devices and injections. Lifestyle changes such as exercise and stopping smoking improve erections in many men.
? how does viagra work and how long before sex do you take it
interact: PDE5 inhibitors must not be taken with nitrate medicines for angina because the combination can cause a dangerous drop in blood pressure. Recreational nitrates known as poppers carry the same risk.
? can i take viagra if i use nitroglycerin spray for my heart
outlook: Erectile dysfunction can be an early warning sign of cardiovascular disease, so a heart risk check is recommended. Treatment of underlying conditions often improves erectile function.
? can erection problems be a sign of heart trouble

# Enlarged prostate (benign prostatic hyperplasia) [condition]
what: Benign prostatic hyperplasia is a non-cancerous enlargement of the prostate gland that is very common in older men. It does not increase the risk of prostate cancer.
sym: It causes urinary symptoms such as a weak stream, hesitancy, dribbling, needing to urinate often and getting up at night to pass urine. Symptoms can gradually worsen over years, but some men stay stable.
? getting up three times a night to pee and the stream is weak
tx: Options include reducing evening fluids and caffeine, alpha-blockers such as tamsulosin to relax the prostate, 5-alpha reductase inhibitors to shrink it, and surgery for severe symptoms. Tamsulosin can cause dizziness and changes in ejaculation.
? what does flomax do for prostate
care: Being unable to pass urine at all is urinary retention and needs urgent treatment; blood in the urine also needs assessment. Retention is usually treated with a catheter to drain the bladder.
? i can't pee at all and my bladder hurts

dx: Assessment includes a symptom questionnaire, urine test, examination of the prostate, and sometimes a PSA blood test, a bladder scan after voiding and flow measurements. A frequency-volume chart helps identify night-time urine overproduction.
# Prostate cancer [condition]
what: Prostate cancer is cancer of the prostate gland and is one of the most common cancers in men. Many prostate cancers grow slowly.
sym: Early prostate cancer usually causes no symptoms; urinary symptoms are more often due to benign enlargement. Advanced disease can cause bone pain.
risk: Risk increases with age and is higher in Black men and men with a father or brother who had prostate cancer or a family history of BRCA mutations. There is no proven way to prevent it.
? my dad had prostate cancer, when should i get checked
tx: Options include active surveillance for low-risk cancers, surgery, radiotherapy and hormone therapy, chosen according to cancer risk and personal preference. Side effects can include erectile dysfunction and urinary leakage.
? do you always have to treat prostate cancer right away

dx: Prostate cancer is investigated with a PSA blood test and prostate MRI, and confirmed by biopsy; the Gleason grade describes how aggressive the cancer cells look. MRI before biopsy reduces unnecessary biopsies.
? what is a gleason score
# Breast cancer [condition]
what: Breast cancer is cancer that starts in the cells of the breast; it is the most common cancer in women worldwide and can also occur in men. Survival has improved greatly thanks to screening and better treatment.
sym: Signs include a new lump or thickening, changes in breast size or shape, skin dimpling, nipple inversion or discharge, and a lump in the armpit; most breast lumps are not cancer. Breast awareness means knowing what is normal for you and reporting changes promptly.
? found a lump in my breast, should i panic
risk: Risk rises with age and is higher with a family history, BRCA1 or BRCA2 mutations, early periods or late menopause, alcohol, obesity after menopause and hormone therapy. Most women with a family history will not develop breast cancer.
? does having the brca gene mean i will get breast cancer
tx: Treatment may combine surgery, radiotherapy, chemotherapy, hormone therapy and targeted therapy depending on the type and stage. Breast reconstruction may be offered at the time of surgery or later.
? what's the difference between lumpectomy and mastectomy

dx: Breast symptoms are assessed with clinical examination, mammography or ultrasound, and a needle biopsy of any suspicious area. Results are usually discussed at a dedicated breast clinic.
# Colorectal cancer [condition]
what: Colorectal (bowel) cancer starts in the colon or rectum, usually developing from polyps over many years. It is one of the most common cancers.
sym: Warning signs include blood in the stool, a persistent change in bowel habit, abdominal pain, unexplained weight loss and iron deficiency anaemia. Early cancers may cause no symptoms, which is why screening matters.
? blood in my stool and i've been losing weight without trying
prev: Screening with stool tests or colonoscopy detects early cancers and removes polyps; fibre-rich diets, exercise, less red and processed meat and not smoking reduce risk. Stool-based screening tests are repeated every one to two years, with colonoscopy if positive.
? is the poop test as good as a colonoscopy
risk: Risk increases with age, family history, inflammatory bowel disease and inherited syndromes such as Lynch syndrome. It is increasingly diagnosed in people under 50.
? colon cancer runs in my family, how early should i get screened

tx: Treatment usually involves surgery to remove the affected part of the bowel, with chemotherapy and, for rectal cancer, radiotherapy depending on stage; early-stage cancer is often curable. Stoma bags are not always needed and are often temporary.
# Lung cancer [condition]
what: Lung cancer is cancer that begins in the lungs and is a leading cause of cancer death; smoking causes most cases. There are two main types: non-small cell and small cell lung cancer.
sym: Symptoms include a persistent cough, coughing up blood, breathlessness, chest pain, hoarseness, weight loss and repeated chest infections. A cough that lasts more than three weeks or changes should be checked.
? smoker for 30 years and now coughing up a little blood
prev: Not smoking or stopping smoking is the most effective prevention; screening with low-dose CT is offered to some older heavy smokers. Stopping at any age reduces the risk.
? who is eligible for a lung cancer screening ct scan

risk: Smoking causes most lung cancers; second-hand smoke, radon gas, asbestos and air pollution also raise the risk. Radon is the second leading cause of lung cancer in many countries.
tx: Treatment depends on type and stage and includes surgery, radiotherapy, chemotherapy, targeted therapy for specific gene changes and immunotherapy. Newer treatments have improved survival for some advanced cancers.
? can you get lung cancer if you never smoked
# Chickenpox [condition]
what: Chickenpox is a highly contagious infection caused by the varicella-zoster virus, mostly affecting children. Most children recover fully within one to two weeks.
sym: It causes an itchy rash of red spots that become fluid-filled blisters and then crust over, appearing in crops, with fever and feeling unwell. Spots can appear inside the mouth and on the scalp.
? itchy spots turning into blisters all over my kid's tummy and back
tx: Treatment relieves symptoms with fluids, paracetamol and soothing lotions; ibuprofen is generally avoided in chickenpox because of a link to serious skin infections. Keeping fingernails short reduces scratching and infection.
? can i give ibuprofen for chicken pox
prev: A chickenpox (varicella) vaccine is available and routine in many countries; children are infectious until all blisters have crusted over. Pregnant women and newborns should avoid contact with infected people.
? when can my child go back to daycare after chickenpox

risk: Chickenpox is more serious in adults, newborns, pregnant women and people with weakened immunity, who may need antiviral treatment. Pregnant women without immunity who are exposed should contact their clinician promptly.
? i'm pregnant and was around a kid with chickenpox
# Hand, foot and mouth disease [condition]
what: Hand, foot and mouth disease is a common, usually mild viral illness in young children caused mainly by enteroviruses such as coxsackievirus. It can spread in nurseries and schools.
sym: It causes fever, painful mouth sores, and a rash of spots or small blisters on the hands, feet and sometimes buttocks. Some children later have peeling skin or nail changes.
? blisters on my toddler's hands and feet and sores in her mouth
tx: It clears in 7 to 10 days; treatment is fluids and pain relief, with cold, soft foods easier to eat. Children can attend school when well, with good hygiene.

prev: It spreads through coughs, saliva, blister fluid and stool; handwashing, especially after nappy changes, reduces spread. It is unrelated to foot-and-mouth disease in animals.
? can my dog catch hand foot and mouth from my kid
# Measles [condition]
what: Measles is a highly contagious viral illness that can cause serious complications such as pneumonia and brain inflammation. It spreads easily through the air.
sym: It begins with fever, cough, runny nose and red eyes, followed a few days later by a blotchy red-brown rash spreading from the face and behind the ears down the body. White spots inside the cheeks may appear before the rash.
? what does a measles rash look like and where does it start
prev: Two doses of the MMR vaccine give strong, long-lasting protection against measles. The vaccine does not cause autism, which has been shown in large studies.
? does the mmr vaccine cause autism
risk: Unvaccinated people, babies too young to be vaccinated, pregnant women and people with weakened immunity are most at risk of severe measles. Measles can weaken the immune system for months afterwards.

tx: There is no specific antiviral for measles; treatment is supportive with fluids and fever control, and vitamin A is given to children with measles to reduce complications. Suspected measles should be reported, and the clinic called ahead to avoid spreading infection.
# Respiratory syncytial virus (RSV) bronchiolitis [condition]
what: Bronchiolitis is a common lung infection in babies, usually caused by RSV, in which the smallest airways become inflamed and blocked with mucus. It mostly affects babies under one year, especially in winter.
sym: It starts like a cold and then causes cough, fast or noisy breathing, wheeze and difficulty feeding, typically worst on days three to five. Most babies recover within two to three weeks.
? my 3 month old is breathing fast and not feeding well with a cold
care: Urgent care is needed if a baby struggles to breathe, has pauses in breathing, bluish lips, grunts, or takes less than half of usual feeds. Premature babies and those with heart or lung conditions are at higher risk.
prev: Preventive antibody injections for infants and RSV vaccination in pregnancy reduce severe RSV illness in babies. Handwashing and keeping babies away from people with colds also help.
? is there an rsv shot for babies

tx: Treatment is supportive: small frequent feeds, saline drops for a blocked nose and monitoring; babies who are struggling may need oxygen or feeding support in hospital. Antibiotics and inhalers do not usually help.
? what can i do at home for my baby with rsv
# Fever in children [condition]
what: Fever is a raised body temperature, generally 38 degrees Celsius (100.4 Fahrenheit) or higher, and is usually a sign the body is fighting an infection. Body temperature naturally varies through the day.
? what temperature is considered a fever in a child
tx: Fever itself is not harmful; paracetamol or ibuprofen can be used to make a child more comfortable, with fluids and light clothing. Alternating medicines routinely is not needed.
? should i wake my child up to give fever medicine
care: A baby under three months with a temperature of 38 C or more needs urgent assessment, as does any child with a non-blanching rash, stiff neck, breathing difficulty, unusual drowsiness or signs of dehydration. A child who seems very unwell needs assessment regardless of the temperature reading.
? my 6 week old has a temperature of 38.2

cause: Most fevers in children are caused by viral infections such as colds and flu; teething may cause a slight rise in temperature but not a high fever. Overdressing can also raise a baby's temperature.
? can teething cause a high fever
# Febrile seizure [condition]
what: A febrile seizure is a convulsion triggered by a fever in a child between about six months and five years old. It is frightening but usually harmless.
sym: The child may become stiff, shake, roll the eyes and lose consciousness for a few minutes, then be drowsy afterwards. It usually occurs in the first day of a fever.
? my toddler had a fit with a high fever and went stiff and shaky
care: Place the child on their side and time the seizure; call emergency services if it lasts more than five minutes, the child has trouble breathing, or it is the first seizure. Do not put anything in the child's mouth or try to cool them in a bath.
? what should i do if my child has a seizure from a fever
outlook: Most children who have febrile seizures do not develop epilepsy; about a third have another febrile seizure with a later illness. They do not cause brain damage.
? will my son get epilepsy after having a febrile seizure

# Colic [condition]
what: Colic is frequent, prolonged and intense crying in an otherwise healthy baby, usually starting in the first weeks and improving by three to four months. Its cause is unknown, and babies with colic feed and grow well.
sym: Crying bouts often happen in the late afternoon or evening, with a red face, clenched fists and legs drawn up. The baby may seem inconsolable.
? newborn screams for hours every evening and nothing calms him
tx: Soothing by holding, rocking, white noise and a calm routine helps; there is little evidence for most colic remedies. Parents should take breaks and never shake a baby.
? do gripe water or colic drops work
care: A baby who is feverish, vomiting, not feeding, has blood in stools or whose cry sounds different should be checked by a doctor. Parents who feel overwhelmed should ask for support.
? when is baby crying not colic

# Nappy rash [condition]
what: Nappy (diaper) rash is irritation of the skin in the nappy area caused by prolonged contact with urine and stool. It is very common in babies.
sym: The skin is red, sore and sometimes shiny; a bright red rash with spots spreading into the skin folds suggests a yeast infection. Severe rash with blisters or pus may need medical review.
? how can i tell if diaper rash is a yeast infection
tx: Frequent nappy changes, nappy-free time and barrier creams with zinc oxide or petroleum jelly help; an antifungal cream is used for yeast. Creams should be applied thinly to clean, dry skin.
? what cream is best for a bad diaper rash

prev: Changing nappies promptly, cleaning gently with water, letting skin dry and applying a barrier cream at each change help prevent nappy rash. Wipes without fragrance or alcohol are gentler.
# Lyme disease [condition]
what: Lyme disease is a bacterial infection spread by the bite of infected ticks, found in woodland and grassy areas. Not all ticks carry the infection.
sym: A common early sign is an expanding red rash, sometimes like a bullseye, at the bite site days to weeks later, with flu-like symptoms; later stages can affect joints, nerves and the heart. The rash is usually painless and not itchy.
? bullseye rash on my leg after hiking
tx: Lyme disease is treated with antibiotics such as doxycycline, which work best when started early. Some symptoms such as tiredness can last for a while after treatment.
? how long do you take antibiotics for lyme disease
prev: Wearing long clothing, using insect repellent and checking for ticks after outdoor activities, removing them promptly with fine tweezers, reduce the risk. Removing ticks within 24 hours greatly reduces the risk of infection.
? what's the right way to pull out a tick

# HIV [condition]
what: HIV is a virus that attacks the immune system; without treatment it can progress to AIDS over years. AIDS is the late stage of untreated HIV infection.
cause: HIV spreads through sexual contact, shared needles, from mother to child and rarely through blood products; it is not spread by kissing, hugging or sharing food. Mosquitoes do not spread HIV.
? can you get hiv from kissing
tx: Antiretroviral therapy suppresses the virus; people on effective treatment have a near-normal life expectancy and cannot pass HIV to sexual partners when the virus is undetectable. Treatment is usually one or two tablets a day, taken for life.
? can someone with hiv live a normal life now
prev: Condoms, pre-exposure prophylaxis (PrEP), post-exposure prophylaxis within 72 hours, and treatment of partners prevent HIV transmission. Pregnant women with HIV on treatment rarely pass it to their babies.
? what is prep and who should take it

dx: HIV is diagnosed with blood tests for antibodies and antigen; testing is recommended after possible exposure, and some tests can detect infection within a few weeks. Home testing kits are available in many countries.
? how soon after exposure can you test for hiv
# Chlamydia [condition]
what: Chlamydia is a common sexually transmitted bacterial infection, often without symptoms. It is one of the most common sexually transmitted infections in young adults.
sym: When present, symptoms include unusual discharge, burning on urination and, in women, bleeding between periods or after sex; untreated infection can cause infertility. Men may have testicular pain.
? burning when i pee and some discharge after sex with a new partner
tx: Chlamydia is treated with antibiotics such as doxycycline; partners should also be tested and treated and sex avoided until treatment is complete. A follow-up test may be advised for pregnant women and those under 25.
? do both me and my partner need antibiotics for chlamydia
dx: Testing uses a urine sample or swab, and regular screening is recommended for sexually active young people and those with new partners. Testing is confidential and often available free.
? how do you get tested for chlamydia

# Urinary incontinence [condition]
what: Urinary incontinence is unintentional leakage of urine. Stress incontinence happens with coughing or exercise; urge incontinence follows a sudden strong need to urinate.
? i pee a little when i sneeze or jump, is that normal after kids
tx: Pelvic floor muscle training is first-line for stress incontinence; bladder training, reducing caffeine and medicines help urge incontinence, with surgery for some. Pessaries are another option for some women.
? what are kegel exercises and do they really help bladder leaks
risk: Pregnancy and childbirth, menopause, obesity, chronic cough, constipation and prostate surgery raise the risk. It is common but not an inevitable part of ageing.
? why do women leak urine after menopause

dx: Assessment includes a history, a bladder diary of fluid intake and leaks, a urine test to exclude infection, pelvic or prostate examination and a bladder scan after urinating. Urodynamic tests are used before surgery in some cases.
? what is a bladder diary
# Anaphylaxis [condition]
what: Anaphylaxis is a severe, rapid and potentially life-threatening allergic reaction affecting several body systems. It usually develops within minutes of exposure but can take up to a few hours.
sym: Signs include swelling of the throat or tongue, difficulty breathing or wheezing, hoarse voice, dizziness or collapse, often with hives, vomiting or abdominal pain. Not everyone has a rash.
? my throat feels tight and my lips are swelling after eating shrimp
tx: Adrenaline (epinephrine) injected into the thigh is the first treatment, followed by calling emergency services and lying flat with legs raised unless breathing is difficult. A second reaction can occur hours later, so observation in hospital is advised.
? what do you do if someone is having a severe allergic reaction
cause: Common triggers are foods such as peanuts, tree nuts, shellfish and milk, insect stings, and medicines such as penicillin. Sometimes no trigger is found.
? which foods most commonly cause anaphylaxis

# Food poisoning [condition]
what: Food poisoning is illness caused by eating food contaminated with bacteria, viruses, parasites or their toxins. Most cases resolve within a few days without treatment.
cause: Common causes include Salmonella, Campylobacter, E. coli, norovirus and Listeria, often from undercooked meat, poultry or eggs, unwashed produce, and food left at room temperature. Symptoms can start within hours for toxins or several days later for some bacteria.
? got sick a few hours after eating chicken at a barbecue
prev: Washing hands, cooking meat thoroughly, chilling leftovers promptly and avoiding cross-contamination between raw and cooked foods prevent food poisoning. Reheated food should be steaming hot all the way through.
? how long can leftovers stay out before they're unsafe
risk: Pregnant women are advised to avoid unpasteurised cheeses, deli meats and undercooked foods because of the risk of listeria. Older adults and people with weakened immune systems are also at greater risk.
? what foods should you avoid when pregnant because of listeria
sym: Food poisoning causes nausea, vomiting, diarrhoea, abdominal cramps and sometimes fever, starting from a few hours to several days after eating the contaminated food. Bloody diarrhoea or symptoms lasting more than a week need medical advice.
"""
