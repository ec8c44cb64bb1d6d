"""Authored fact base: hormone, metabolic, brain and mental health topics. Written for Attune by its authors."""

FACTS = """
# Type 2 diabetes [condition]
what: Type 2 diabetes is a long-term condition in which the body becomes resistant to insulin and does not make enough of it, so blood glucose stays too high. It accounts for most diabetes in adults.
? what is the difference between type 1 and type 2 diabetes
sym: Many people have no symptoms at first. Others notice thirst, passing urine often, tiredness, blurred vision, slow-healing cuts and frequent thrush or infections.
? always thirsty and peeing all night, could it be sugar
risk: Risk is higher with overweight, physical inactivity, a family history, older age, a history of gestational diabetes, polycystic ovary syndrome, and some ethnic backgrounds including South Asian, Black African and Hispanic people. Most people with type 2 diabetes are over 40, but it is increasingly seen in younger people.
? can you get type 2 diabetes if you're thin
dx: Type 2 diabetes is diagnosed with an HbA1c of 6.5 percent or higher, a fasting glucose of 126 mg/dL or higher, or a two-hour glucose tolerance result of 200 mg/dL or higher, usually confirmed by a repeat test. In people without symptoms, two abnormal results are needed to confirm the diagnosis.
? what numbers mean you have diabetes
tx: Treatment combines healthy eating, physical activity and weight loss with medicines such as metformin, SGLT2 inhibitors and GLP-1 receptor agonists, and insulin when needed. Blood pressure and cholesterol are treated too.
? can you get off diabetes meds if you lose weight
prev: Losing a modest amount of weight and doing about 150 minutes a week of moderate activity can substantially reduce the chance of prediabetes progressing to type 2 diabetes. Structured prevention programmes are offered to people with prediabetes in many countries.
outlook: Poorly controlled diabetes damages blood vessels and nerves, causing heart disease, stroke, kidney disease, eye damage and foot ulcers. Good control and regular checks reduce these complications.
? why do diabetics have to get their feet and eyes checked

care: Urgent care is needed for very high blood sugar with extreme thirst, confusion or drowsiness, or for low blood sugar that does not respond to sugar; foot wounds that are red, swollen or not healing also need prompt review. Regular checks of eyes, feet, kidneys and blood pressure help catch complications early.
? cut on my foot isn't healing and i'm diabetic
# Type 1 diabetes [condition]
what: Type 1 diabetes is an autoimmune condition in which the immune system destroys the insulin-producing cells of the pancreas, so the body makes little or no insulin. It often starts in childhood or young adulthood.
? what is type 1 diabetes
sym: Symptoms usually develop over weeks: extreme thirst, frequent urination, bedwetting in a previously dry child, weight loss, tiredness and hunger. Untreated, it can progress quickly to diabetic ketoacidosis.
? my 8 year old started wetting the bed again and drinks water constantly
tx: People with type 1 diabetes need lifelong insulin by injections or a pump, with glucose monitoring, often using continuous glucose monitors, and carbohydrate counting. Modern technology such as closed-loop pumps can adjust insulin automatically.
care: Diabetic ketoacidosis is an emergency; vomiting, abdominal pain, deep rapid breathing, fruity-smelling breath or drowsiness in someone with type 1 diabetes need urgent care. Insulin should never be stopped during illness, even if the person is not eating.
? what is dka and how do you know if it's happening

cause: Type 1 diabetes results from an autoimmune attack on the pancreas in genetically susceptible people, possibly triggered by environmental factors such as viral infections; it is not caused by diet or lifestyle. Close relatives have a higher risk than the general population.
? did my child get type 1 diabetes from eating too much sugar
dx: Type 1 diabetes is diagnosed with a high blood glucose level and symptoms; antibody tests and C-peptide help distinguish it from type 2 diabetes. Urgent same-day referral is needed when type 1 diabetes is suspected in a child.
# Hypoglycaemia (low blood sugar) [condition]
what: Hypoglycaemia is a blood glucose level that is too low, generally below 70 mg/dL (3.9 mmol/L). It occurs mainly in people treated with insulin or sulfonylureas.
? what blood sugar level is too low
sym: Early signs include shakiness, sweating, hunger, a fast heartbeat, anxiety and irritability; more severe lows cause confusion, slurred speech, seizures and loss of consciousness. Some people who have had diabetes for many years lose the early warning signs.
? i get shaky sweaty and cranky if i skip lunch
tx: A low is treated with about 15 grams of fast-acting sugar such as glucose tablets or juice, rechecking after 15 minutes, followed by a snack containing starch. Unconscious people need glucagon or emergency help, not food by mouth.
? what should you eat when your blood sugar drops too low
prev: Regular meals, adjusting insulin for exercise and alcohol, and carrying fast-acting sugar reduce the risk of hypoglycaemia. Checking glucose before driving is essential for people at risk.
? how do i avoid low blood sugar when exercising

cause: Hypoglycaemia usually results from too much insulin or sulfonylurea for the amount of food eaten, delayed meals, unplanned exercise or alcohol; it is uncommon in people without diabetes. Kidney disease can increase the risk by slowing the clearance of some medicines.
# Hypothyroidism [condition]
what: Hypothyroidism is an underactive thyroid gland that makes too little thyroid hormone, slowing many body processes. It is common, especially in women and older adults.
? what is an underactive thyroid
sym: Symptoms develop gradually and include tiredness, feeling cold, weight gain, constipation, dry skin, thinning hair, low mood and heavy periods. Symptoms are often vague and may be mistaken for ageing or stress.
? always cold and tired and gaining weight no matter what
cause: The most common cause in areas with enough iodine is Hashimoto's thyroiditis, an autoimmune condition. Thyroid surgery, radioactive iodine and some medicines also cause it.
? what is hashimoto's
dx: Hypothyroidism is diagnosed with a blood test showing a raised TSH and low free thyroxine. TSH is usually rechecked to confirm the result before treatment is started for mild changes.
? what blood test shows an underactive thyroid
tx: Treatment is daily levothyroxine, with the dose adjusted by TSH testing until levels are in range; most people need it for life. Symptoms usually improve over several weeks once the dose is right.
? how long does it take to feel better on thyroid medicine

risk: Hypothyroidism is more common in women, older adults, people with other autoimmune diseases or a family history, after thyroid treatment and after pregnancy. Thyroid levels are often checked after pregnancy if symptoms suggest a problem.
# Hyperthyroidism [condition]
what: Hyperthyroidism is an overactive thyroid gland that produces too much thyroid hormone, speeding up metabolism. It is less common than an underactive thyroid.
? what is an overactive thyroid
sym: Symptoms include weight loss despite a good appetite, a racing or irregular heartbeat, tremor, anxiety, heat intolerance, sweating, frequent bowel movements and sometimes bulging eyes. Older adults may have few symptoms apart from atrial fibrillation or weight loss.
? losing weight while eating more, heart pounding and hands shaky
cause: Graves' disease, an autoimmune condition, is the most common cause; toxic thyroid nodules and thyroiditis are others. Graves' disease can also cause eye problems such as bulging, grittiness and double vision.
? what is graves disease
tx: Treatment options are antithyroid medicines such as carbimazole or methimazole, radioactive iodine, or surgery, with beta-blockers to control symptoms in the meantime. Many people treated with radioactive iodine or surgery later need levothyroxine.
? what is radioactive iodine treatment and is it safe

dx: Hyperthyroidism is confirmed with blood tests showing low TSH and raised thyroid hormones, and thyroid antibody tests or a thyroid scan identify the cause. A thyroid uptake scan shows whether the whole gland or a nodule is overactive.
# Obesity [condition]
what: Obesity is excess body fat that harms health, commonly defined in adults as a body mass index (BMI) of 30 or more. Waist size also helps assess risk.
? what bmi is considered obese
cause: Obesity results from a combination of genetics, the food environment, physical inactivity, sleep, stress, some medicines and medical conditions. It is not simply a matter of willpower, and the body defends against weight loss with hormonal changes.
? why is it so hard to lose weight and keep it off
risk: Obesity raises the risk of type 2 diabetes, high blood pressure, heart disease, fatty liver, sleep apnea, osteoarthritis and several cancers. Fat stored around the abdomen carries particularly high risk.
? what diseases does being overweight cause
tx: Treatment includes sustained changes to diet and activity, behavioural support, and for some people medicines such as GLP-1 receptor agonists or metabolic (bariatric) surgery. Even a 5 to 10 percent weight loss improves blood pressure, blood sugar and joint pain.
? do the new weight loss injections actually work
? who qualifies for weight loss surgery

prev: Healthy eating patterns, regular physical activity, enough sleep, limiting sugary drinks and ultra-processed foods help prevent weight gain across life. Family-based habits in childhood have lasting effects.
# Gout [condition]
what: Gout is a form of inflammatory arthritis caused by crystals of uric acid forming in and around joints. It is the most common inflammatory arthritis in men.
? what is gout
sym: Gout causes sudden attacks of severe pain, swelling, redness and heat in a joint, classically the base of the big toe, often starting at night. Attacks usually settle within one to two weeks, even without treatment.
? woke up with my big toe red hot and so sore i can't even put a sheet on it
cause: High uric acid levels result from reduced kidney excretion or overproduction; alcohol, especially beer, sugary drinks, red meat, seafood, diuretics and obesity increase the risk. Not everyone with high uric acid develops gout.
? what foods cause gout attacks
tx: Attacks are treated with NSAIDs, colchicine or corticosteroids. Allopurinol or febuxostat lowers uric acid long term to prevent attacks.
? do i have to take allopurinol forever
prev: Limiting alcohol and sugary drinks, moderating red meat and shellfish, keeping a healthy weight and staying hydrated reduce gout attacks. Medicines for gout are still needed by many people despite lifestyle changes.
? does drinking beer cause gout

dx: Gout is confirmed by finding uric acid crystals in fluid drawn from the joint; blood uric acid levels can be normal during an attack. Joint X-rays or ultrasound may show crystal deposits in long-standing disease.
# Migraine [condition]
what: Migraine is a common neurological condition causing recurrent attacks of moderate to severe headache, usually with other symptoms. It is more common in women and often runs in families.
? what is a migraine with aura
sym: Migraine headache is often one-sided and throbbing, worsened by movement, with nausea and sensitivity to light and sound. About a third of people have an aura beforehand, such as zigzag lines or flashing lights.
? pounding headache on one side with puking and i have to lie in a dark room
cause: Triggers vary and can include stress, lack of sleep, skipped meals, hormonal changes around periods, alcohol and certain foods. A headache diary helps identify personal triggers.
? what triggers migraines
tx: Attacks are treated early with pain relievers or triptans, plus anti-sickness medicine. Frequent migraines can be reduced with preventive medicines such as beta-blockers, amitriptyline, topiramate or CGRP antibodies.
? what is the best medicine for migraine that otc doesn't touch
care: Urgent assessment is needed for a sudden severe headache reaching peak within a minute, headache with fever and stiff neck, weakness or confusion, or a new headache after age 50. A first aura with weakness or numbness should be assessed to exclude stroke.
? when is a headache an emergency
outlook: Using pain relievers on many days a month can lead to medication-overuse headache, a daily headache that improves when the overused medicine is stopped. It usually improves within weeks of stopping the overused medicine, though that period can be difficult.
? can taking too many painkillers give you headaches

# Tension-type headache [condition]
what: Tension-type headache is the most common kind of headache, causing a band-like pressure around the head. Most people experience one at some point.
sym: It produces a dull, pressing ache on both sides of the head or forehead, sometimes with tight neck and shoulder muscles, without vomiting or worsening on activity. It does not usually stop people carrying on with daily activities.
? feels like a tight band squeezing my head by the end of every work day
tx: Occasional headaches respond to simple pain relievers. Regular exercise, good sleep, stress management and posture adjustments reduce frequency.

care: A headache that is new and persistent after age 50, wakes a person from sleep, steadily worsens, or comes with fever, confusion or neurological symptoms needs medical assessment. These features are uncommon but should not be ignored.
? when is a headache something serious
# Epilepsy [condition]
what: Epilepsy is a brain condition in which a person has a tendency to recurrent, unprovoked seizures caused by bursts of abnormal electrical activity. It affects people of all ages and can start at any time of life.
? what is epilepsy
sym: Seizures vary: some cause stiffening and jerking with loss of consciousness, others brief staring spells, unusual sensations, or repetitive movements without full awareness. Seizures can be triggered by lack of sleep, alcohol, missed medicines and, in some people, flashing lights.
? my child has staring spells where she zones out for a few seconds
dx: Diagnosis relies on a detailed description of events, an electroencephalogram (EEG) recording brain activity, and usually an MRI scan. Blood tests and an ECG help exclude other causes of blackouts.
? what is an eeg test
tx: Most people become seizure-free with anti-seizure medicines. Other options include surgery, nerve stimulation devices and special diets.
? can epilepsy be cured
care: During a seizure, protect the person from injury, do not put anything in their mouth, time it and turn them onto their side afterwards. Call emergency services if a seizure lasts more than five minutes or repeats without recovery.
? what do you do when someone is having a seizure

cause: Epilepsy can result from genetic factors, brain injury, stroke, infections, tumours or developmental abnormalities, but in many people no cause is found. Epilepsy is not contagious and is not a mental illness.
# Parkinson's disease [condition]
what: Parkinson's disease is a progressive brain disorder caused by loss of dopamine-producing nerve cells, mainly affecting movement. Symptoms usually start on one side of the body.
? what is parkinson's disease
sym: Main features are a resting tremor, slowness of movement, stiffness and problems with balance. Loss of smell, constipation, acting out dreams and low mood can appear years earlier.
? my dad's hand shakes when it's resting and he shuffles when he walks
tx: Medicines such as levodopa and dopamine agonists improve symptoms. Exercise, physiotherapy and speech therapy help, and deep brain stimulation is an option for some.
? what does levodopa do

dx: There is no single test for Parkinson's; it is diagnosed clinically by a neurologist from the pattern of symptoms and the response to dopamine medicines, with scans sometimes used to exclude other causes. A good response to levodopa supports the diagnosis.
? is there a test for parkinsons
risk: The main risk factor is age, usually over 60; men are affected more often, and some cases are linked to genes or exposure to certain pesticides. It is rare before the age of 50.
# Dementia and Alzheimer's disease [condition]
what: Dementia is a decline in memory, thinking and daily functioning severe enough to interfere with independence. Alzheimer's disease is the most common cause, followed by vascular dementia.
? what's the difference between dementia and alzheimers
sym: Early signs include forgetting recent conversations, repeating questions, getting lost in familiar places, difficulty managing money or medicines, and personality changes. Changes develop gradually over months to years.
? mom keeps asking the same question over and over, is it just old age
risk: Age is the strongest risk factor. High blood pressure, diabetes, smoking, physical inactivity, hearing loss, social isolation and depression also raise risk.
? is dementia hereditary
dx: Diagnosis involves a history from the person and someone who knows them, memory testing, blood tests to exclude reversible causes and often brain imaging. Conditions that can mimic dementia, such as depression, thyroid problems and B12 deficiency, are checked.
? how do doctors test for dementia
tx: There is no cure, but cholinesterase inhibitors and other medicines may help symptoms for a time. Support, routine, safety planning and carer support are central.
? are there medicines for alzheimer's
prev: Staying physically and mentally active, controlling blood pressure, treating hearing loss and staying socially connected may lower the risk of dementia. Up to around four in ten cases may be linked to modifiable risk factors.
? is there anything i can do to not get alzheimers like my mom

# Multiple sclerosis [condition]
what: Multiple sclerosis (MS) is an autoimmune disease in which the immune system attacks the protective myelin around nerves in the brain and spinal cord. The most common form is relapsing-remitting MS.
? what is ms
sym: Symptoms vary and may include blurred or painful vision in one eye, numbness or tingling, weakness, fatigue, balance problems and bladder symptoms, often coming in relapses. Heat can temporarily worsen symptoms.
? lost vision in one eye for a few days and it hurt to move it
dx: MS is diagnosed with MRI scans showing lesions in the brain and spinal cord, sometimes with a lumbar puncture. Other conditions that can mimic MS are excluded first.
? how is multiple sclerosis diagnosed
tx: Disease-modifying therapies reduce relapses and slow progression; steroids shorten relapses, and rehabilitation manages symptoms. Physiotherapy and fatigue management help people stay active.
? what medicines slow down ms

risk: MS usually starts between 20 and 40, is more common in women, and is linked to low vitamin D, smoking, Epstein-Barr virus infection and family history. It is more common in countries further from the equator.
# Bell's palsy [condition]
what: Bell's palsy is a sudden weakness or paralysis of the muscles on one side of the face due to inflammation of the facial nerve. The cause is not fully known, but it is thought to be linked to viral infections.
? what is bell's palsy
sym: Over a day or two one side of the face droops; the person cannot close the eye or smile on that side and may notice altered taste or sensitivity to sound. It reaches its worst within about 72 hours.
? woke up and half my face won't move and my eye won't close
care: Because facial drooping can also be a sign of stroke, sudden facial weakness needs urgent assessment, especially with arm or leg weakness or speech problems. Bell's palsy affects the whole side of the face including the forehead, while stroke usually spares the forehead.
? how do i know if face drooping is bell's palsy or a stroke
tx: Steroids started within 72 hours improve recovery. The eye must be protected with drops and taping at night, and most people recover fully within months.
? how long does bell's palsy last

# Carpal tunnel syndrome [condition]
what: Carpal tunnel syndrome occurs when the median nerve is compressed as it passes through a tunnel at the wrist. It is a common cause of hand numbness.
? what is carpal tunnel
sym: It causes tingling, numbness and pain in the thumb, index and middle fingers, often worse at night, and weakness of grip. Symptoms may be triggered by holding a phone, driving or reading.
? my fingers go numb at night and i have to shake my hand to wake it up
tx: Wrist splints worn at night, changing activities and steroid injections help; surgery to release the ligament is effective for persistent cases. Symptoms in pregnancy often settle after birth.
? do wrist braces help carpal tunnel

risk: Carpal tunnel syndrome is more common in women, in pregnancy, with diabetes, hypothyroidism, rheumatoid arthritis and obesity, and with repetitive forceful hand and wrist work. Typing has not been clearly shown to cause it.
? is carpal tunnel caused by typing
dx: It is diagnosed from typical symptoms and examination, with nerve conduction studies to confirm severity before surgery. Wasting of the thumb muscles indicates more severe compression.
# Depression [condition]
what: Depression is a common mental health condition marked by persistently low mood or loss of interest and pleasure for at least two weeks, affecting daily life. It is common and treatable.
? what's the difference between being sad and depression
sym: Symptoms include sadness, loss of enjoyment, tiredness, sleep and appetite changes, poor concentration, feelings of worthlessness or guilt, and thoughts of death or suicide. Physical symptoms such as aches and low energy are common.
? i don't enjoy anything anymore and can't get out of bed, is this depression
cause: Depression arises from a mix of genetic, biological, psychological and social factors, including stressful life events, loneliness, chronic illness and substance use. It is not a sign of weakness.
? what causes depression
tx: Treatment includes talking therapies such as cognitive behavioural therapy, antidepressant medicines, physical activity and social support, often in combination. Treatment choices depend on severity and personal preference.
? does therapy work as well as antidepressants
care: Anyone having thoughts of suicide should seek help immediately from emergency services, a crisis line or a trusted person; these feelings can be treated. Removing access to means of self-harm during a crisis can save lives.
? what should i do if i'm thinking about suicide

dx: Depression is diagnosed by a clinician from a conversation about symptoms, their duration and impact, often with questionnaires; blood tests may exclude physical causes such as thyroid problems. Screening questions are often used in primary care.
# Generalised anxiety disorder [condition]
what: Generalised anxiety disorder is long-lasting, excessive worry about many everyday matters that is hard to control and interferes with daily life. It often coexists with depression.
? what is generalized anxiety disorder
sym: Symptoms include restlessness, feeling on edge, tiredness, difficulty concentrating, irritability, muscle tension and poor sleep, often with physical symptoms such as a racing heart. Physical symptoms such as stomach upset and headaches are common.
? i worry about everything all the time and can't switch my brain off at night
tx: Cognitive behavioural therapy and SSRI or SNRI medicines are first-line treatments, supported by exercise, sleep routines and reducing caffeine and alcohol. Self-help programmes based on CBT are a good first step for milder symptoms.
? what medicine is used for anxiety

cause: Anxiety disorders arise from an interplay of inherited temperament, life stresses, trauma and physical health problems; excess caffeine, alcohol withdrawal and an overactive thyroid can mimic or worsen anxiety. Some medicines and drugs, including stimulants, can also cause anxiety.
? can too much coffee give you anxiety
# Panic attack [condition]
what: A panic attack is a sudden surge of intense fear with strong physical symptoms that peaks within minutes; recurrent unexpected attacks with fear of further attacks is panic disorder. Attacks are very frightening but not physically dangerous.
? what is a panic attack
sym: Attacks cause a pounding heart, chest tightness, shortness of breath, trembling, sweating, dizziness, tingling and a feeling of losing control or dying. Attacks can occur out of the blue, even during sleep.
? thought i was having a heart attack but the er said it was a panic attack
tx: Slow breathing and grounding techniques help during an attack. Cognitive behavioural therapy and SSRIs reduce recurrent attacks.
? how do you stop a panic attack
care: Chest pain and breathlessness should be medically assessed the first time, because panic symptoms can overlap with heart and lung conditions. Frequent emergency visits often reduce once panic disorder is recognised and treated.
? how can i tell a panic attack from a heart attack

# Insomnia [condition]
what: Insomnia is difficulty falling asleep, staying asleep or waking too early at least three nights a week, with daytime effects such as tiredness or poor concentration. Short-term insomnia often follows stress and usually resolves.
? i wake up at 3am every night and can't get back to sleep
cause: Insomnia is linked to stress, anxiety, depression, pain, shift work, caffeine, alcohol, screens late at night and some medicines. Older adults often sleep more lightly and wake more frequently.
? why can't i sleep
tx: Cognitive behavioural therapy for insomnia (CBT-I) is the most effective long-term treatment. Sleeping pills may help briefly but carry risks of dependence and falls.
? are sleeping pills safe to take every night
prev: Regular wake times, limiting caffeine after midday, avoiding screens and alcohol before bed, and keeping the bedroom dark and cool support good sleep. Getting out of bed after 20 minutes of being unable to sleep helps reset the link between bed and sleep.
? what are good sleep habits

dx: Insomnia is diagnosed from the sleep history, often with a sleep diary; sleep studies are only needed if another sleep disorder such as sleep apnea is suspected. Questions about snoring, restless legs and mood are part of the assessment.
# Attention deficit hyperactivity disorder (ADHD) [condition]
what: ADHD is a neurodevelopmental condition characterised by persistent inattention, hyperactivity and impulsivity that start in childhood and affect functioning. Symptoms often continue into adulthood.
? what is adhd
sym: Children may struggle to focus, be easily distracted, fidget, talk excessively and act without thinking; adults often report disorganisation, restlessness and forgetfulness. Girls more often have the inattentive type and may be diagnosed later.
? my son can't sit still in class and never finishes his homework
dx: Diagnosis is made by a specialist using developmental history and information from home and school, as there is no single test. Symptoms must be present in more than one setting and cause real difficulties.
? how do they test for adhd
tx: Treatment combines education, behavioural strategies and parent training with stimulant or non-stimulant medicines when needed. Medication is monitored for effects on appetite, sleep, growth, heart rate and blood pressure.
? can adults be diagnosed with adhd

cause: ADHD is strongly heritable and linked to differences in brain development; premature birth and prenatal exposure to alcohol or tobacco raise risk, while sugar and parenting style do not cause it. ADHD is not caused by bad parenting.
? does sugar make kids hyper or cause adhd
# Concussion [condition]
what: A concussion is a mild traumatic brain injury caused by a blow or jolt to the head that temporarily affects brain function. Most concussions do not show up on CT or MRI scans.
? what is a concussion
sym: Symptoms include headache, dizziness, confusion, nausea, sensitivity to light and noise, memory problems and feeling foggy; loss of consciousness does not always occur. Symptoms can appear hours later.
? my son hit his head at football and now feels dizzy and foggy
tx: Brief rest for a day or two followed by a gradual return to activity, school and sport as symptoms allow is recommended. Screen time and demanding mental activity may need to be limited at first.
? how long should you rest after a concussion
care: Emergency care is needed after a head injury for repeated vomiting, worsening headache, seizures, unequal pupils, weakness, slurred speech or increasing drowsiness. Someone should stay with the person for the first 24 hours.
? when should you go to the hospital after hitting your head
outlook: Most people recover from concussion within a few weeks; some have persistent symptoms such as headaches, dizziness and poor concentration for months, and repeat injuries before recovery are risky. A second head injury before full recovery can be serious, especially in young people.
? when can my son go back to playing football after a concussion
"""
