"""Authored fact base: further everyday conditions, a vaccine, a rescue medicine and a heart monitor. Written for Attune by its authors."""

FACTS = """
# Glandular fever (infectious mononucleosis) [condition]
what: Glandular fever, or mono, is an infection usually caused by the Epstein-Barr virus, most common in teenagers and young adults. Many children catch it with few symptoms.
? what is mono and why do they call it the kissing disease
sym: It causes a severe sore throat, fever, swollen neck glands, marked tiredness and sometimes an enlarged spleen; tiredness can last for weeks. It can also cause a rash, puffy eyelids and mild jaundice.
? sore throat for two weeks, glands like golf balls and i'm so tired
cause: The virus spreads through saliva, for example by kissing or sharing drinks and utensils, and people can shed it for months. Most adults have antibodies showing past infection.
dx: Diagnosis uses a blood count showing atypical lymphocytes and a rapid antibody (monospot) test or specific Epstein-Barr virus antibody tests. The monospot test may be negative early in the illness.
tx: Treatment is rest, fluids and pain relief; antibiotics do not help, and amoxicillin often causes a rash in people with glandular fever. Steroids are used only for complications such as severe tonsil swelling.
care: Contact sports are avoided for at least three to four weeks because an enlarged spleen can rupture; sudden left upper abdominal pain needs emergency care, as does difficulty breathing or swallowing. A return to school or work can be guided by energy levels.
? how long after mono can i play rugby again

# Sunburn [condition]
what: Sunburn is skin damage caused by ultraviolet radiation from the sun or sunbeds, producing inflammation within hours of exposure. It can occur even on cloudy days.
sym: Sunburnt skin is red or darker, hot, sore and sometimes blistered; peeling follows a few days later, and severe sunburn can cause fever, chills and nausea. Symptoms peak around a day after exposure.
tx: Cooling the skin with cool showers, applying moisturiser or aloe, drinking fluids, taking pain relief and keeping out of the sun help; blisters should not be popped. After-sun products with alcohol may sting.
? what helps a bad sunburn stop hurting
prev: Seeking shade in the middle of the day, covering up with clothing and a hat, and applying broad-spectrum sunscreen of SPF 30 or higher generously and regularly prevent sunburn. Babies under six months should be kept out of direct sun.
? how often do you have to reapply sunscreen
outlook: Repeated sunburn, especially in childhood, increases the risk of skin cancer, including melanoma, and speeds skin ageing. Sunburn also weakens the skin's immune defences.
care: Medical help is needed for sunburn with large areas of blistering, fever, confusion, dizziness or signs of dehydration, and for sunburnt babies. Severe sunburn can occur alongside heat exhaustion.

# Bedwetting [condition]
what: Bedwetting (nocturnal enuresis) is involuntary passing of urine during sleep in children old enough to be dry, usually over five years. It is common and not the child's fault.
? my 7 year old still wets the bed every night, is that normal
cause: Bedwetting is linked to producing large amounts of urine at night, a bladder that holds less, deep sleep and family history; constipation and urinary infections can contribute. Deep sleepers may not wake to bladder signals.
tx: Options include reassurance, avoiding drinks in the hour before bed, regular toilet visits, a bedwetting alarm, and desmopressin for short-term use such as sleepovers. Punishment makes bedwetting worse.
? do bedwetting alarms actually work
care: Medical review is advised if a child who was dry starts wetting again, has daytime wetting, pain on urinating, excessive thirst or weight loss. These signs may point to an infection or diabetes.
outlook: Most children grow out of bedwetting, with about 15 percent becoming dry each year without treatment. A small number continue to wet into adolescence.

# Frozen shoulder [condition]
what: Frozen shoulder (adhesive capsulitis) is a condition in which the shoulder joint capsule thickens and tightens, causing pain and stiffness. The cause is not fully understood.
sym: It typically passes through a painful phase, a stiff phase with reduced movement, and a gradual thawing phase, often taking one to three years in total. Night pain is common.
? can't lift my arm to brush my hair and my shoulder aches at night
risk: Frozen shoulder is more common between 40 and 60, in women, in people with diabetes or thyroid disease, and after a period of shoulder immobility. It may follow minor injury or surgery.
tx: Pain relief, gentle stretching exercises and physiotherapy help; steroid injections can ease pain in the early phase, and procedures are reserved for persistent cases. Most people regain much of their movement in time.

# Restless legs syndrome [condition]
what: Restless legs syndrome is a neurological condition causing an irresistible urge to move the legs, usually with uncomfortable sensations. It can disrupt sleep significantly.
sym: Crawling, aching or tingling feelings in the legs come on at rest, particularly in the evening and at night, and are relieved temporarily by moving or walking. Some people also have jerking leg movements during sleep.
? creepy crawly feeling in my legs at night and i have to get up and walk
cause: It can be inherited or linked to iron deficiency, pregnancy, kidney failure and some medicines such as antihistamines and antidepressants. It often runs in families.
tx: Correcting low iron, regular exercise, reducing caffeine and alcohol, and leg massage help; medicines are used for frequent severe symptoms. Some medicines can make it worse over time if the dose is too high.
? can low iron cause restless legs

# Raynaud's phenomenon [condition]
what: Raynaud's phenomenon is an exaggerated narrowing of small blood vessels in the fingers and toes in response to cold or stress. It is common and usually harmless.
sym: Fingers or toes turn white, then blue, then red as blood flow returns, with numbness, tingling or throbbing. Attacks last minutes to hours.
? my fingers go white and numb when it's cold
tx: Keeping the whole body warm, wearing gloves, stopping smoking and managing stress help; medicines such as nifedipine widen blood vessels in frequent attacks. Caffeine and some medicines such as beta-blockers may worsen symptoms.
care: Raynaud's starting after age 30, on one side only, with skin ulcers, or with joint pain, rashes or other symptoms may be linked to an underlying condition such as scleroderma and needs assessment. Tests may include blood tests and examination of small vessels at the nail fold.

# Dry eye [condition]
what: Dry eye disease occurs when the eyes do not make enough tears or tears evaporate too quickly, leaving the eye surface irritated. It is especially common in older adults and people who spend long hours at screens.
sym: It causes gritty, burning or scratchy eyes, redness, blurred vision that clears with blinking and, paradoxically, watering eyes. It can make wearing contact lenses uncomfortable.
? my eyes feel sandy and burn after looking at the computer all day
cause: Dry eye is more common with age, after menopause, with screen use that reduces blinking, contact lenses, dry or windy environments, some medicines and autoimmune conditions such as Sjogren's syndrome. Blocked oil glands in the eyelids are a frequent cause.
tx: Lubricating eye drops, warm compresses and lid hygiene, taking screen breaks and using a humidifier help; prescription anti-inflammatory drops are used for persistent cases. Preservative-free drops are better for frequent use.

# Earwax build-up [condition]
what: Earwax is a natural substance that protects and cleans the ear canal; it usually comes out by itself but sometimes builds up and blocks the ear. Some people naturally produce more wax.
sym: Blocked ears cause muffled hearing, a feeling of fullness, itching, and sometimes ringing or dizziness. Hearing usually returns once the wax is cleared.
? my ear feels plugged up and muffled after showering
tx: Softening drops such as olive oil or sodium bicarbonate drops for a few days often clear wax; persistent blockages are removed by microsuction or irrigation by a clinician. Ear candles are not effective and can cause burns.
prev: Cotton buds and objects push wax deeper and can damage the eardrum, so the ear canal is best left alone. People who wear hearing aids often need regular wax removal.
? is it bad to use q tips in your ears

# Hypothermia [condition]
what: Hypothermia is a dangerous drop in body temperature below 35 C, when the body loses heat faster than it can produce it. It can develop indoors in cold homes.
sym: Early signs are shivering, cold pale skin, and tiredness; as it worsens, shivering stops and confusion, slurred speech, slow breathing and drowsiness develop. Confusion may stop a person from realising they are cold.
risk: Older adults living in cold homes, babies, people who are intoxicated, homeless or immersed in cold water are at highest risk. Alcohol increases heat loss.
tx: Move the person somewhere warm, remove wet clothing, wrap them in blankets including the head, give warm sweet drinks if they are alert, and call emergency services for moderate or severe cases. Rewarming should be gradual, and rubbing the limbs is not advised.
? how do you warm someone up who is too cold

# Post-traumatic stress disorder [condition]
what: Post-traumatic stress disorder (PTSD) is a mental health condition that can develop after experiencing or witnessing a frightening or life-threatening event. It can develop weeks or even years after the event.
sym: Symptoms include flashbacks and nightmares, avoiding reminders, feeling constantly on guard, being easily startled, irritability, poor sleep and negative changes in mood. Some people feel detached or numb.
? ever since the car crash i have nightmares and freeze when i hear brakes
tx: Trauma-focused psychological therapies such as trauma-focused CBT and EMDR are the most effective treatments, and some antidepressants can help. Treatment can help even many years after the event.
? what is emdr therapy
risk: PTSD is more likely after severe or repeated trauma, with lack of support afterwards, previous mental health problems and ongoing stress. Most people exposed to trauma do not develop PTSD.

# Anorexia nervosa [condition]
what: Anorexia nervosa is a serious eating disorder in which a person restricts food intake, leading to a very low body weight, with intense fear of gaining weight and a distorted body image. It most often begins in adolescence but can affect people of any age or sex.
sym: Signs include significant weight loss, skipping meals, excessive exercise, preoccupation with food and weight, missed periods, feeling cold, dizziness and social withdrawal. People may deny having a problem.
? my daughter has lost a lot of weight and won't eat in front of us
tx: Treatment involves specialist eating disorder services, family-based therapy for young people, psychological therapy and medical and nutritional monitoring. Early help leads to better outcomes.
outlook: Anorexia has serious physical effects on the heart, bones and hormones and a high mortality among psychiatric conditions, but many people recover fully with early treatment. Recovery can take several years.

# Lactose intolerance [condition]
what: Lactose intolerance is difficulty digesting lactose, the sugar in milk, because of low levels of the enzyme lactase in the small intestine. It is very common in adults worldwide, especially in people of East Asian and African descent.
sym: It causes bloating, gas, abdominal cramps and diarrhoea from 30 minutes to a few hours after consuming dairy. Symptoms depend on the amount of lactose consumed.
? i get gassy and have the runs every time i drink milk
dx: It is often identified by improvement after cutting out lactose; a hydrogen breath test can confirm it. Coeliac disease and IBS can cause similar symptoms.
tx: Limiting lactose, choosing lactose-free products, and using lactase enzyme supplements help; many people can tolerate small amounts, yoghurt and hard cheeses. Calcium intake should be maintained from other sources.
? can lactose intolerant people eat cheese

# Aortic stenosis [condition]
what: Aortic stenosis is narrowing of the aortic valve, which restricts blood flow out of the heart; it is most often caused by age-related calcium build-up. It is the most common valve disease needing treatment in older adults.
sym: Symptoms include breathlessness on exertion, chest pain, dizziness or fainting on exercise and tiredness, though many people have no symptoms for years. Once symptoms appear, the outlook without treatment is poor.
? doctor heard a heart murmur and i get dizzy walking fast
dx: A murmur heard with a stethoscope prompts an echocardiogram, which measures how narrowed the valve is. People with moderate narrowing have regular echocardiograms.
tx: Severe aortic stenosis with symptoms is treated by replacing the valve, either with open-heart surgery or a catheter-based procedure (TAVI). The choice depends on age, other health conditions and valve anatomy.

# Thyroid nodules [condition]
what: Thyroid nodules are lumps within the thyroid gland; they are very common, especially with age, and most are benign. Fewer than one in ten are cancerous.
? found a lump in my neck on the thyroid, is it cancer
sym: Most nodules cause no symptoms and are found by chance on scans; large nodules may cause a visible lump, pressure or difficulty swallowing. Nodules that produce excess hormone can cause hyperthyroid symptoms.
dx: Nodules are assessed with thyroid blood tests and ultrasound; nodules with concerning features are sampled with a fine-needle aspiration biopsy. Biopsy results guide whether surgery is needed.
tx: Benign nodules are usually monitored; surgery is used for cancer, suspicious results or nodules causing pressure symptoms. Most thyroid cancers found this way have an excellent outlook.

# HPV vaccine [drug]
uses: The HPV vaccine protects against the types of human papillomavirus that cause most cervical cancers and genital warts, and several other cancers in men and women. It is most effective in preventing infection rather than treating existing infection.
? should my son get the hpv vaccine too
how: The vaccine contains virus-like particles that do not cause infection but train the immune system to make antibodies against HPV. It cannot cause HPV infection or cancer.
take: It works best when given before any exposure to HPV, so it is offered routinely to children around 11 to 13, with catch-up vaccination for young adults. Younger adolescents need fewer doses than older recipients.
? is it too late to get the hpv vaccine at 25
side: Common side effects are a sore arm, headache and mild fever; fainting can occur with injections in adolescents, so they are observed briefly afterwards. Serious reactions are very rare.
avoid: The vaccine is not given to people with a severe allergy to a previous dose and is deferred in pregnancy; vaccinated people still need cervical screening. It is safe to give alongside other routine vaccines.

# Naloxone [drug]
uses: Naloxone is an emergency medicine that rapidly reverses opioid overdose, restoring breathing. It is available to family members and friends of people who use opioids in many places.
? where can i get narcan
how: Naloxone competes with opioids at their receptors and displaces them, reversing their effects within minutes. It has no effect on someone who has not taken opioids.
take: Naloxone is given as a nasal spray or injection into a muscle; emergency services should be called and the dose repeated after a few minutes if there is no response. Rescue breathing may be needed while waiting for it to work.
side: Naloxone can cause sudden opioid withdrawal, with agitation, vomiting and sweating; its effect may wear off before the opioid, so the person must be observed. Withdrawal symptoms are unpleasant but not usually dangerous.
? can narcan hurt someone if they didn't overdose

# Holter monitor [test]
purpose: A Holter monitor is a portable ECG recorder worn for 24 hours to several days to capture heart rhythm problems that come and go, such as palpitations or fainting. It is also used to check how well rhythm treatment is working.
? why do i have to wear a heart monitor for 48 hours
proc: Electrodes are stuck to the chest and connected to a small recorder; normal activities continue, and the person keeps a diary of symptoms and their times. At the end, the recorder is returned and the data downloaded for analysis.
? what do i do while wearing a holter monitor
prep: Showering is done before fitting because the device usually must stay dry; lotions on the chest are avoided so the electrodes stick. Clothing that can be worn comfortably over the wires helps.
? can i shower with a holter monitor on
results: A cardiologist compares the recording with the symptom diary; rhythm changes that match symptoms help guide treatment, and longer event monitors may be used if nothing is captured. Brief extra beats are very common in healthy people and usually harmless.
"""
