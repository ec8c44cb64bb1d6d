"""Authored fact base: bone, joint, muscle, skin and eye topics. Written for Attune by its authors."""

FACTS = """
# Osteoarthritis [condition]
what: Osteoarthritis is the most common form of arthritis, in which the cartilage cushioning the ends of bones wears down and the whole joint undergoes changes, most often in the knees, hips, hands and spine.
? what's the difference between wear and tear arthritis and rheumatoid
sym: It causes joint pain that worsens with use and eases with rest, brief stiffness after inactivity, reduced movement, creaking or grating, and sometimes swelling or bony lumps on finger joints.
? knees ache after walking and feel stiff for a few minutes when i get up
risk: Risk increases with age, previous joint injury, obesity, female sex, family history and repetitive joint stress from some jobs or sports.
? does running cause arthritis in your knees
tx: Exercise to strengthen muscles, weight loss when overweight, topical NSAIDs, and walking aids form the core of treatment; steroid injections and joint replacement are options for severe disease.
? is walking good or bad for arthritis in the knee
prev: Keeping a healthy weight, staying active with low-impact exercise and protecting joints from injury lower the risk and slow progression.
? can losing weight help my knee arthritis

dx: Osteoarthritis is usually diagnosed from age, symptoms and examination; X-rays can show joint space narrowing and bony spurs but correlate poorly with pain, and blood tests are normal.
? do i need an x ray to know if i have arthritis in my knee
# Rheumatoid arthritis [condition]
what: Rheumatoid arthritis is an autoimmune disease in which the immune system attacks the lining of the joints, causing inflammation that can damage cartilage and bone.
? what is rheumatoid arthritis
sym: It typically causes painful, swollen, warm joints on both sides of the body, especially the small joints of the hands and feet, with morning stiffness lasting more than an hour and tiredness.
? my finger joints are puffy and stiff for hours every morning on both hands
dx: Diagnosis uses the pattern of joint swelling, blood tests for rheumatoid factor, anti-CCP antibodies and inflammation markers, and imaging.
? what blood tests show rheumatoid arthritis
tx: Early treatment with disease-modifying drugs such as methotrexate, and biologic medicines if needed, controls inflammation and prevents joint damage.
? why do they use methotrexate for rheumatoid arthritis, isn't that chemo

risk: Rheumatoid arthritis is more common in women, usually starts between 30 and 60, and is linked to smoking and family history.
outlook: Untreated rheumatoid arthritis can cause joint deformity and disability and raises cardiovascular risk; early treatment allows many people to stay active and working.
# Osteoporosis [condition]
what: Osteoporosis is a condition in which bones lose density and strength, becoming fragile and more likely to break after minor falls.
? what is osteoporosis
sym: Osteoporosis causes no symptoms until a bone breaks, often the wrist, hip or spine. Spinal fractures can cause back pain, loss of height and a stooped posture.
? my grandma is getting shorter and hunched over, is that her bones
risk: Risk factors include being female and postmenopausal, older age, family history, low body weight, smoking, heavy alcohol use, long-term steroid use and low calcium or vitamin D.
? why do women get osteoporosis after menopause
tx: Treatment includes bisphosphonates such as alendronic acid, other bone-strengthening medicines, calcium and vitamin D, and preventing falls.
? what are the side effects of fosamax
prev: Weight-bearing and muscle-strengthening exercise, enough calcium and vitamin D, not smoking and limiting alcohol help maintain bone strength.
? what exercises are good for bone strength

dx: Osteoporosis is diagnosed with a DEXA bone density scan, and fracture risk tools such as FRAX combine density with other risk factors to guide treatment.
# Low back pain [condition]
what: Low back pain is extremely common and in most cases is non-specific, meaning it comes from the muscles, ligaments and joints of the back rather than a serious disease.
? threw my back out lifting a box, what should i do
tx: Staying active and continuing normal activities as much as possible speeds recovery more than bed rest. Heat, simple pain relief and exercise or physiotherapy help; most episodes improve within weeks.
? should i stay in bed with a bad back
care: Urgent care is needed for back pain with numbness around the genitals or buttocks, new bladder or bowel problems, leg weakness, fever, a history of cancer, or after significant trauma.
? back pain and numbness between my legs and trouble peeing
prev: Regular exercise, core strengthening, good lifting technique and avoiding long periods of sitting help prevent recurrence.
? how do i stop my back pain from coming back

cause: Most back pain comes from strained muscles or ligaments, disc and joint changes, poor conditioning or awkward lifting; serious causes such as infection, fracture or cancer are uncommon.
# Sciatica [condition]
what: Sciatica is pain along the sciatic nerve, which runs from the lower back down the back of the leg, usually caused by a herniated disc pressing on a nerve root.
? what is sciatica
sym: It causes shooting or burning pain from the buttock down one leg, often below the knee, sometimes with numbness, tingling or weakness.
? shooting pain from my butt down the back of my leg to my foot
tx: Most sciatica improves within weeks to a few months with activity, pain relief and physiotherapy; surgery is considered for severe or persistent cases.
? how long does sciatica take to go away
care: Sciatica with leg weakness that is getting worse, or with loss of bladder or bowel control or numbness in the saddle area, needs emergency assessment.
? when is sciatica an emergency

cause: Sciatica is most often caused by a bulging or herniated disc in the lower spine; narrowing of the spinal canal (spinal stenosis) is a common cause in older adults.
# Ankle sprain [condition]
what: An ankle sprain is a stretching or tearing of the ligaments that support the ankle, most often on the outer side after rolling the foot inward.
? what is a sprained ankle
sym: Sprains cause pain, swelling, bruising and difficulty bearing weight.
? rolled my ankle playing basketball and it's swollen and purple
tx: Early care includes rest, ice, compression and elevation, followed by gentle movement and balance exercises; most sprains heal in weeks.
? should i use ice or heat on a sprained ankle
care: An X-ray is needed if a person cannot take four steps, or there is tenderness over the ankle bones, to check for a fracture.
? how do i know if my ankle is broken or just sprained

prev: Balance and strengthening exercises, supportive footwear and taping or bracing during sport reduce the risk of re-spraining an ankle.
# Tennis elbow [condition]
what: Tennis elbow (lateral epicondylitis) is pain on the outer side of the elbow caused by overuse of the forearm muscles that extend the wrist.
? what is tennis elbow
sym: Pain on the outside of the elbow worsens when gripping, lifting or twisting, such as opening jars or shaking hands.
? outside of my elbow hurts when i grip my coffee mug and i don't even play tennis
tx: Rest from aggravating activities, a forearm brace, pain relief and specific exercises help; most cases resolve within a year.
? does a tennis elbow strap help

cause: It results from repeated gripping and wrist extension, for example using tools, typing, gardening or racket sports, which causes small tears and degeneration where the tendon attaches to the bone.
? why do i have tennis elbow from using a screwdriver at work
# Plantar fasciitis [condition]
what: Plantar fasciitis is irritation of the thick band of tissue on the sole of the foot that connects the heel to the toes.
? what is plantar fasciitis
sym: It causes heel pain that is worst with the first steps in the morning or after rest and eases with walking, then worsens with long standing.
? heel pain first thing in the morning like stepping on a nail
tx: Stretching the calf and sole, supportive footwear, insoles, weight loss and pain relief help; most people improve within months.
? what are the best stretches for heel pain

risk: It is more common between ages 40 and 60, in runners, people who stand for long periods, with overweight, flat feet or high arches, and with tight calf muscles.
? why does my heel hurt since i started a job standing all day
# Eczema (atopic dermatitis) [condition]
what: Atopic eczema is a long-term inflammatory skin condition that makes the skin dry, itchy and inflamed. It often starts in childhood and is linked with asthma and hay fever.
? what is eczema
sym: Eczema causes dry, itchy, red or darker patches, often in the creases of the elbows and knees, on the face in babies, and on the hands; scratching can make skin thick or weepy.
? baby has dry rough red patches on his cheeks that he keeps rubbing
tx: Generous daily emollients, avoiding soaps and irritants, and topical steroids for flares are the mainstays; severe eczema may need other immune-modifying treatments.
? are steroid creams safe to use on my child's eczema
prev: Moisturising regularly, using soap substitutes, wearing soft fabrics and identifying triggers such as heat or irritants reduce flares.
? what soap is best for eczema

cause: Eczema results from a weakened skin barrier, often linked to genes such as filaggrin, combined with immune overactivity; irritants, heat, stress and allergens can trigger flares.
# Psoriasis [condition]
what: Psoriasis is a chronic immune-mediated skin disease in which skin cells build up quickly, forming raised, scaly patches called plaques.
? what is psoriasis
sym: Plaques are well-defined, red or darker and covered in silvery scales, commonly on elbows, knees, scalp and lower back; nails may be pitted and some people develop joint pain.
? thick silvery flaky patches on my elbows and scalp
tx: Treatment includes moisturisers, topical steroids and vitamin D analogues, phototherapy, and for extensive disease, systemic or biologic medicines.
? what is the best treatment for psoriasis
cause: Psoriasis is not contagious; it results from immune system activity in genetically predisposed people, and can be triggered by stress, infections, injury to the skin and some medicines.
? can you catch psoriasis from someone

outlook: Psoriasis is a lifelong condition that comes and goes; it is linked with psoriatic arthritis, heart disease, depression and metabolic syndrome.
# Acne [condition]
what: Acne is a common skin condition in which hair follicles become blocked with oil and dead skin cells, causing spots mainly on the face, chest and back.
? what causes acne in adults
sym: Acne includes blackheads, whiteheads, red bumps, pus-filled spots, and in severe cases deep painful nodules or cysts that can scar.
? what are cystic pimples
cause: Acne is driven by hormones that increase oil production, blocked pores, bacteria and inflammation; it is not caused by dirty skin.
? does chocolate and greasy food cause pimples
tx: Treatment includes topical benzoyl peroxide, retinoids and antibiotics, oral antibiotics or hormonal treatment, and isotretinoin for severe acne.
? what is accutane and why do you need blood tests on it

care: Acne that is severe, scarring, not improving with over-the-counter treatment, or affecting mood should be seen by a clinician.
# Rosacea [condition]
what: Rosacea is a long-term skin condition mainly affecting the face, causing flushing, persistent redness, visible blood vessels and sometimes spots.
? what is rosacea
sym: Redness across the cheeks and nose comes and goes with triggers such as heat, alcohol, spicy food and sun; eyes may feel gritty.
? my cheeks and nose are red all the time and get worse after wine
tx: Avoiding triggers, daily sunscreen and gentle skincare help, along with topical treatments, oral antibiotics for spots and laser therapy for vessels.
? what helps rosacea redness

cause: The exact cause of rosacea is unknown; blood vessel reactivity, immune factors and skin mites may play a part. It is not caused by poor hygiene and is not contagious.
? is rosacea caused by drinking
# Shingles [condition]
what: Shingles is a painful rash caused by reactivation of the chickenpox virus (varicella-zoster), which lies dormant in nerves after chickenpox.
? what causes shingles
sym: Shingles usually begins with burning or tingling pain on one side of the body, followed by a band of blisters that crust over in 7 to 10 days.
? painful blistery rash in a stripe on one side of my back
tx: Antiviral medicines work best within 72 hours of the rash appearing and reduce severity; pain relief is often needed.
? how soon do you need antivirals for shingles
outlook: Some people develop postherpetic neuralgia, nerve pain persisting for months after the rash, which is more common in older adults.
? how long does nerve pain last after shingles
prev: A shingles vaccine is recommended for older adults and some people with weakened immune systems to reduce the risk of shingles and long-term nerve pain.
? should i get the shingles vaccine if i already had shingles

# Cellulitis [condition]
what: Cellulitis is a bacterial infection of the deeper layers of the skin, most often on the legs, usually entering through a break in the skin.
? what is cellulitis
sym: It causes an expanding area of red or darker, warm, swollen and tender skin, often with fever and feeling unwell.
? red hot swollen patch on my leg that's getting bigger every day
tx: Cellulitis is treated with antibiotics by mouth, or intravenously if severe; elevating the limb helps. Marking the edge of the redness helps track improvement.
? how long does cellulitis take to go away
care: Seek urgent care if redness spreads rapidly, there is high fever, severe pain out of proportion, or the infection is near the eye.
? when is cellulitis an emergency

risk: Cellulitis is more likely with broken skin, athlete's foot, leg swelling, obesity, diabetes and previous cellulitis.
# Hives (urticaria) [condition]
what: Hives, or urticaria, are raised, itchy welts on the skin that appear and fade within hours, caused by histamine release.
? what are hives
cause: Acute hives are triggered by infections, foods, medicines, insect stings or physical factors such as heat and pressure, though often no cause is found.
? broke out in itchy welts all over after dinner
tx: Non-sedating antihistamines are the main treatment; chronic hives lasting over six weeks may need higher doses or specialist treatment.
? what medicine is best for hives
care: Hives with swelling of the lips or tongue, difficulty breathing, wheezing or feeling faint may be anaphylaxis and need emergency treatment.
? hives and my tongue feels swollen

# Skin cancer (melanoma) [condition]
what: Melanoma is a cancer of the pigment cells of the skin. It is less common than other skin cancers but more likely to spread.
? what is melanoma
sym: Warning signs follow ABCDE: asymmetry, irregular border, uneven colour, diameter over 6 mm, and evolving size, shape or colour. A new or changing mole should be checked.
? how do you tell if a mole is cancerous
risk: Risk is higher with sunburn history, sunbed use, fair skin, many moles, a family history and weakened immunity.
? does using a tanning bed cause cancer
prev: Sun protection with shade, clothing, hats and broad-spectrum sunscreen, and avoiding sunbeds, reduce the risk.
? what sunscreen should i use
tx: Early melanoma is usually cured by surgical removal; advanced melanoma is treated with immunotherapy and targeted drugs.
? what is the treatment for melanoma

# Athlete's foot [condition]
what: Athlete's foot is a fungal infection of the skin of the feet, especially between the toes.
? what is athlete's foot
sym: It causes itchy, cracked, peeling or white soggy skin between the toes, sometimes with blisters.
? itchy peeling skin between my toes that smells
tx: Antifungal creams, sprays or powders from a pharmacy usually clear it within weeks, continued for a while after it looks better.
? how long does athlete's foot cream take to work
prev: Drying feet well, wearing breathable socks and shoes, and using flip-flops in communal showers help prevent it.
? how do i stop getting athletes foot at the gym

# Head lice [condition]
what: Head lice are tiny insects that live in scalp hair and feed on blood. They are common in school-age children and are not a sign of poor hygiene.
? what are head lice
sym: The main symptom is itching of the scalp; live lice and eggs (nits) may be seen close to the scalp, especially behind the ears.
? my daughter keeps scratching her head, how do i check for lice
tx: Treatment uses wet combing with a fine-toothed comb every few days for two weeks or lotions and sprays, repeated after a week; only people with live lice need treating.
? what is the best lice treatment

prev: Lice spread by direct head-to-head contact rather than jumping or flying; regular checks with a detection comb catch infestations early, and children do not need to be kept off school.
? do i have to wash all the bedding and keep my kid home for lice
# Conjunctivitis (pink eye) [condition]
what: Conjunctivitis is inflammation of the thin membrane covering the white of the eye and inner eyelids, caused by viruses, bacteria or allergies.
? what is pink eye
sym: It causes red, gritty, watery or sticky eyes, with crusting on waking in bacterial cases and itching in allergic cases.
? woke up with my eye glued shut with yellow gunk
tx: Most infective conjunctivitis clears within one to two weeks; cleaning the eyelids helps and antibiotic drops may be used for bacterial cases. Allergic conjunctivitis responds to antihistamine drops.
? do you need antibiotic drops for pink eye
care: Seek prompt care for eye pain, sensitivity to light, reduced vision, a very red eye or symptoms in contact lens wearers or newborns.
? when is a red eye serious

# Cataracts [condition]
what: A cataract is clouding of the lens inside the eye, usually developing slowly with age.
? what is a cataract
sym: Cataracts cause blurry or cloudy vision, faded colours, glare and halos around lights, and difficulty with night driving.
? headlights look like starbursts when i drive at night and everything's foggy
tx: When cataracts interfere with daily life, surgery replaces the cloudy lens with an artificial one; it is a common, usually day-case procedure with high success.
? what is cataract surgery like
risk: Cataracts are more likely with ageing, diabetes, smoking, long-term steroid use, sunlight exposure and previous eye injury.
? what causes cataracts

# Glaucoma [condition]
what: Glaucoma is a group of eye diseases in which the optic nerve is damaged, often associated with raised pressure inside the eye, leading to gradual loss of vision.
? what is glaucoma
sym: The common open-angle form causes no symptoms until peripheral vision is lost. Acute angle-closure glaucoma causes a sudden painful red eye, blurred vision, halos, headache and vomiting.
? is glaucoma painful, how would i know i have it
dx: Glaucoma is detected by measuring eye pressure, examining the optic nerve and testing the visual field during eye examinations.
? how do they test for glaucoma
tx: Treatment lowers eye pressure with daily eye drops, laser treatment or surgery; vision already lost cannot be restored.
? what happens if i stop using my glaucoma drops

risk: Glaucoma risk rises with age, family history, African or Asian ancestry, short- or long-sightedness, diabetes and long-term steroid use; regular eye tests are advised for those at risk.
care: A sudden painful red eye with blurred vision, halos around lights, headache and vomiting may be acute angle-closure glaucoma and needs emergency care.
# Age-related macular degeneration [condition]
what: Age-related macular degeneration affects the macula, the central part of the retina, causing loss of central vision while side vision is preserved.
? what is macular degeneration
sym: It causes blurring or a dark patch in the centre of vision, and straight lines appearing wavy, making reading and recognising faces difficult.
? straight lines look wavy and there's a blurry spot in the middle when i read
tx: Wet AMD is treated with injections into the eye that block blood vessel growth; dry AMD has no cure, but specific vitamin supplements may slow intermediate disease.
? what shots do they give in the eye for macular degeneration
risk: AMD is more common after age 50 and with smoking, a family history and cardiovascular risk factors; stopping smoking is the most important modifiable step.
? does smoking cause macular degeneration
care: Sudden distortion or loss of central vision needs prompt eye assessment, because wet AMD treatment works best when started early.
? my vision suddenly went wavy in one eye, is it urgent
"""
