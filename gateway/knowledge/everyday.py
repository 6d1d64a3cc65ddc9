"""Everyday words of life outside IT, by domain: the domain model's other side.

Written from general knowledge of what a workplace talks about besides computers (building
sites, vehicles, animals, medicine, teaching, money, parcels, the building, food, clothes,
shifts, small talk, a shop floor), in the forms people write, in ru, uk and en. Words IT
shares with everyday life (окно/window, мышь/mouse, вирус, ключ, карта, экран, пароль,
смена пароля, колесо мыши, boot, shift, menu, bin, delivery of mail) are deliberately left
out: the articles' keywords and titles decide what IT covers, and the labelled lines
weigh the rest (gateway/knowledge/domain.py).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


EVERYDAY_WORDS: dict[str, frozenset[str]] = {
    # building sites and repairs
    "construction": _words(
        """
        бетон бетона цемент цемента бетономешалка бетономешалку кирпич кирпича стройка стройке
        прораб арматура штукатурка шпаклевка краска краску покраска лестница лестницу крыша
        крыши стена стену потолок потолке фундамент плитку сварка сварщик перфоратор дрель
        молоток гвозди шуруповерт экскаватор бульдозер самосвал строитель строители леса
        подрядчик смета бетону цементу бетонозмішувач бетономішалка цегла цегли будівництво
        будівельник виконроб арматура штукатурка шпаклівка фарба фарбу фарбування драбина
        драбину дах даху стіна стіну стелю стеля фундамент зварювання зварник перфоратор дриль
        пилка молоток цвяхи шурупокрут екскаватор бульдозер самоскид будівельники підрядник
        кошторис concrete cement mixer brick bricks construction builder builders foreman
        scaffolding plaster paint painting ladder roof wall ceiling foundation welding welder
        drill hammer nails excavator bulldozer crane contractor bricklayer
        """
    ),
    # vehicles, transport and their parts
    "vehicles": _words(
        """
        автобус автобуса троллейбус троллейбуса трамвай трамвая маршрутка грузовик фура тягач
        двигатель мотор бензин дизель солярка масло руль водитель водителя кондуктор рейс
        маршрут гараж эвакуатор техосмотр осаго каско полис полиса дтп шиномонтаж автосервис
        карбюратор сцепление фары бампер капот багажник прицеп самокат велосипед тролейбус
        тролейбуса трамваю маршрутка вантажівка фура тягач двигун мотор бензин дизель мастило
        кермо водій водія кондуктор рейс маршрут гараж евакуатор техогляд осаго каско поліс
        поліса дтп шиномонтаж автосервіс зчеплення фари бампер капот багажник причіп самокат
        велосипед bus buses trolleybus tram coach lorry truck van engine motor diesel petrol
        gasoline oil steering tyre tire tyres tires mechanic garage towing tow clutch gearbox
        headlight bumper bonnet trunk trailer scooter bicycle bike
        """
    ),
    # pets, vets, pests and birds
    "animals": _words(
        """
        кот кота кошка кошку котенок собака собаку собаки пес щенок хомяк попугай корм лапа
        лапу хвост блохи клещ клеща глисты прививка прививку вакцина ветеринар ветеринара
        стерилизация кастрация помет голубь голуби птица птицы муравьи моль змея кіт кота кішка
        кішку кошеня собака собаку собаки пес цуценя хом'як папуга корм лапа лапу хвіст блохи
        кліщ кліща глисти щеплення вакцина ветеринар стерилізація кастрація послід голуб голуби
        птах птахи мурахи міль змія cat cats kitten dog dogs puppy hamster parrot pet pets paw
        tail fleas vaccination vaccine vet veterinarian neutering spaying droppings pigeon
        pigeons bird birds ants moth snake
        """
    ),
    # health, medicines, clinics
    "medicine": _words(
        """
        анализ анализы рецепт рецепта лекарство лекарства препарат препараты укол уколы
        давление кашель насморк чихает чихать лечение диагноз симптом симптомы скорая ибупрофен
        парацетамол аспирин аптечка бинт пластырь перевязка капельница госпитализация
        годности годности просрочен просроченный зуб зубы стоматолог хирург терапевт рецептом
        ліки препарат препарати укол уколи тиск кашель нежить чхає чхати лікування діагноз
        симптом симптоми ібупрофен парацетамол аспірин аптечка бинт пластир перев'язка
        крапельниця госпіталізація придатності прострочений зуб зуби стоматолог хірург терапевт
        prescription prescriptions medicine medication meds drug drugs injection pressure cough
        sneezing sneezes treatment diagnosis symptom symptoms ambulance ibuprofen paracetamol
        aspirin bandage plaster dressing drip dentist surgeon tooth teeth fever headache
        allergy
        пульс пульса пульсу сердцебиение сердцебиения плода пульсу серцебиття плоду ритм ритма
        ритму
        pulse heartbeat fetal rhythm
        """
    ),
    # school and university life
    "teaching": _words(
        """
        ученик ученики ученика родители родительское собрание домашнее задание контрольная
        контрольную экзамен экзамены пересдача пересдачу зачет зачетка стипендия стипендию
        деканат ректор ректорат общежитие диплом курсовая курсовую каникулы четверть учень учні
        учня батьки батьківські збори домашнє завдання контрольна контрольну іспит іспити
        перескладання залік заліковка стипендія стипендію деканат ректор ректорат гуртожиток
        диплом курсова курсову канікули семестр четверті pupil pupils parents homework exam
        exams resit resits scholarship dorm dormitory diploma coursework thesis semester
        """
    ),
    # personal money, insurance, refunds
    "finance": _words(
        """
        ипотека вклад депозит проценты кэшбэк квитанция квитанцию коммуналка рассрочка займ
        долг долги страховой страховую выплата выплату компенсацию вклад депозит відсотки
        кешбек квитанція квитанцію комуналка розстрочка позика борг борги страхова страхову
        виплата виплату компенсацію deposit interest cashback utilities instalment loan
        debt debts refund refunds insurance payout compensation
        """
    ),
    # parcels and freight
    "deliveries": _words(
        """
        посылки бандероль накладная накладную поставка поставку груз груза трек накладні
        посилки бандероль накладна накладну поставка поставку вантаж вантажу parcels shipment
        shipments consignment waybill freight postage stamps
        """
    ),
    # the building, cleaning, safety, office machines that are not computers
    "facilities": _words(
        """
        дверь двери отопления воды кран протечка плесень пыль швабра ведро мыло полотенца
        полотенце урна вывоз охрана охранник пожар огнетушитель эвакуация ковер мебель диван
        сквозняк соседи штукатурка сантехника двері дверей кран протікання пліснява пил швабра
        відро мило рушники рушник урна вивіз охорона охоронець пожежа вогнегасник евакуація
        килим меблі диван протяг сусіди door doors tap leaking mould mold dust mop bucket soap
        towels towel guard fire extinguisher evacuation carpet furniture sofa draught pane
        shredder shredders laminator vending
        калитка калитки ворота ворот домофон домофона шлагбаум шлагбаума сейфа подъезд
        подъезда хвіртка хвіртки воріт шлагбаума під'їзд під'їзду gate gates intercom
        locker lockers padlock
        """
    ),
    # meals and drinks
    "food": _words(
        """
        ужин завтрак пицца суп салат бутерброд печенье сок молоко сахар хлеб булочки фрукты
        обеденный перерыв буфет вечеря сніданок піца суп салат бутерброд печиво сік молоко
        цукор хліб булочки фрукти обідня перерва буфет supper pizza soup salad sandwich
        sandwiches biscuits cookies juice milk sugar bread fruit buffet
        алкоголь алкоголя алкоголю спиртное спиртного алкогольный алкогольных алкогольні
        алкогольних alcohol alcoholic liquor сигареты сигарет сигарети цигарки тютюн табак
        cigarettes cigarette tobacco
        """
    ),
    # work clothes
    "clothes": _words(
        """
        спецодежда спецодежду халат халаты бахилы перчатки обувь куртка униформа каска спецодяг
        халат халати бахіли рукавички взуття куртка уніформа каска uniform uniforms overalls
        gloves jacket helmet vest
        """
    ),
    # shifts, leave, careers
    "hr": _words(
        """
        график отпуск трудовая книжка стаж повышение увольнение больничный выходной выходные
        праздник праздники графік стаж підвищення звільнення вихідний вихідні свято свята rota
        promotion weekend weekends holiday employment
        """
    ),
    # chat that is no request
    "small_talk": _words(
        """
        досвидания погода шутка анекдот кино фильм сериал рыбалка дача отдых бувай погода
        жарт анекдот кіно фільм серіал риболовля дача відпочинок bye goodbye weather joke movie
        film series weekend
        """
    ),
    # the kinds of other trades' machines and things, which IT shares none of: what tells
    # a gas water heater's колонка, a freezer's камера, a brake disc, a piano's keyboard
    # or a patient's monitor from an IT thing of the same name (things.py: senses)
    "kinds": _words(
        """
        газовый газовая газовой топливный топливная бензиновый бензиновая дизельный водяной
        водяная водопроводный отопительный отопительная тормозной тормозная колёсный
        колесный моторный морозильный морозильная морозильной холодильный холодильная
        холодильной стоматологический стоматологическая медицинский медицинская
        хирургический хирургическая ветеринарный ветеринарная фортепианный органный
        пианино рояль рояля орган органа аккордеон аккордеона баян баяна гитара гитары
        синтезатор велосипедный велосипедная велосипеда автомобильный автомобильная
        грузовой сварочный сварочная швейный швейная стиральный стиральная посудомоечный
        посудомоечная кофейный пищевой доильный доильная инкубатор инкубатора
        газовий газова газової паливний паливна бензиновий бензинова дизельний водяний
        водяна водопровідний опалювальний опалювальна гальмівний гальмівна колісний
        моторний морозильний морозильна морозильної холодильний холодильна холодильної
        стоматологічний стоматологічна медичний медична хірургічний хірургічна
        ветеринарний ветеринарна фортепіанний органний піаніно рояль рояля орган органа
        акордеон акордеона баян баяна гітара гітари синтезатор велосипедний велосипедна
        велосипеда автомобільний автомобільна вантажний зварювальний зварювальна швейний
        швейна пральний пральна посудомийний посудомийна кавовий харчовий доїльний доїльна
        інкубатор інкубатора
        fuel gas petrol diesel heating brake brakes wheel wheels engine freezer fridge
        refrigeration refrigerated dental surgical veterinary patient baby heart piano
        organ accordion guitar synth bicycle car truck welding sewing washing coffee
        milking incubator
        3d 3д маникюрный маникюрная ногтевой манікюрний манікюрна нігтьовий nail nails
        manicure протезный протезная ортопедический протезний протезна ортопедичний
        prosthetic prosthetics orthopedic orthopaedic зуботехнический зуботехническая
        зуботехнічний зуботехнічна сценический сценическая сценічний сценічна stage
        karaoke караоке клавесин клавесина harpsichord harpsichords carillon
        тренажер тренажёр тренажера тренажёра снегоход снегохода
        снігохід снігохода беговой беговая бігова бігової treadmill treadmills
        scoreboard scoreboards snowmobile snowmobiles rowing elliptical
        прикроватный прикроватная прикроватного приліжковий приліжкова приліжкового bedside
        """
    ),
    # sport grounds and games, leisure puzzles, stone monuments: a scoreboard's match, a
    # quest's riddle, a headstone's letters
    "leisure": _words(
        """
        стадион стадиона стадионе арена арены арене матч матча матче тайм тайме трибуна
        трибуне болельщики футбол хоккей квест квеста квесте квесту квесты загадка загадку
        загадки головоломка головоломку разгадать отгадать памятник памятника памятнике
        памятники надгробие надгробия надгробный гранит гранита мрамор мрамора гравер
        стадіон стадіону стадіоні арена арени арені матч матчу матчі таймі трибуна трибуні
        вболівальники футбол хокей квест квесту квесті квести загадка загадку загадки
        головоломка головоломку розгадати відгадати пам'ятник пам'ятника пам'ятнику
        пам'ятники надгробок надгробку надгробний граніт граніту мармур мармуру гравер
        stadium stadiums arena halftime football soccer hockey quest quests riddle riddles
        puzzle puzzles headstone headstones gravestone tombstone monument monuments granite
        marble
        """
    ),
    # a shop floor's goods and prices
    "retail": _words(
        """
        товар товара покупатель цена цены ценник ценники скидка скидку возврат полка полки
        витрина прилавок тележка недостача ассортимент товар товару покупець ціна ціни цінник
        цінники знижка знижку повернення полиця полиці вітрина прилавок візок недостача
        асортимент goods shopper price prices price tag discount shelf shelves counter trolley
        shortage stocktake
        """
    ),
}
